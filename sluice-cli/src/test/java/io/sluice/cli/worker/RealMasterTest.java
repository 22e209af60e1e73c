package io.sluice.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.worker.Worker;
import io.sluice.worker.process.ChildProcessLedger;
import io.sluice.worker.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers against the REAL master: mutual TLS with certificates of one cluster CA, an embedded
 * catalog on PostgreSQL, executions started through the catalog as {@code sluice execute
 * --scale-out} does.
 */
class RealMasterTest {

  @TempDir Path dir;
  private ScaleOutCluster cluster;
  private TestCertificates certs;
  private final List<Worker> workers = new ArrayList<>();
  private Process process;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(dir, RealMasterTest::shortLease);
    cluster.catalog().projects().deploy("F", project());
    certs = TestCertificates.ofCluster(dir, cluster.ca);
  }

  /** L 4 s, G 1 s: a killed worker's task is taken back within seconds. */
  private static MasterSettings shortLease(MasterSettings settings) {
    return settings.withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100));
  }

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    workers.forEach(Worker::close);
    cluster.close();
  }

  private static byte[] project() {
    String slow = ScaleOutCluster.SLOW_PACKAGE;
    return ProjectFiles.of(
            Map.of(
                "project.yaml", "name: P\n".getBytes(StandardCharsets.UTF_8),
                "packages/Slow.yaml", slow.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  private String endpoint() {
    return cluster.workerEndpoint();
  }

  private static final String MARGIN = "leaseSafetyMargin: 1s\n";

  /** Starts a worker in this JVM and enables it once it has registered itself. */
  private Worker inProcessWorker(String name) {
    certs.issueWorker(name);
    Worker worker =
        new Worker(
            io.sluice.worker.config.WorkerSettingsReader.parse(
                certs.workerYaml(name, List.of(endpoint()), MARGIN), dir));
    workers.add(worker);
    worker.start();
    enable(name);
    // Generous bounds: on a loaded 2-core CI machine the first TLS handshakes and the JIT of a
    // fresh JVM can take seconds; the waits end as soon as the worker is there.
    await().atMost(Duration.ofSeconds(30)).until(worker::enabled);
    return worker;
  }

  private void enable(String name) {
    WorkerAgents agents = cluster.workers();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> agents.list().stream().anyMatch(w -> w.displayName().equals(name)));
    WorkerAgent agent =
        agents.list().stream().filter(w -> w.displayName().equals(name)).findFirst().orElseThrow();
    assertThat(agent.enabled()).as("a new worker starts disabled").isFalse();
    agents.enable(agent.workerAgentId().toString());
  }

  private long execute(int seconds, int retries) {
    long id =
        cluster
            .catalog()
            .executions()
            .create(CreateExecution.of("F", "P", "Slow").inScaleOut(true).withAnyWorker(true));
    cluster.catalog().executions().setParameterValue(id, 30, "Seconds", String.valueOf(seconds));
    cluster.catalog().executions().start(id, retries);
    return id;
  }

  private int status(long id) {
    return cluster.catalog().executions().get(id).status();
  }

  private List<EventMessage> messages(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all());
  }

  /** Event lines in a worker's task log for an execution (its header and outcome lines aside). */
  private long loggedEvents(String name, long executionId) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve(name + "-tasks"))) {
      Path log =
          files
              .filter(f -> f.getFileName().toString().startsWith("execution-" + executionId + "-"))
              .findFirst()
              .orElseThrow();
      return Files.readAllLines(log).size() - 2;
    }
  }

  private String taskColumn(long executionId, String column) {
    return cluster.task(executionId, column);
  }

  @Test
  void aPackageRunsOnAWorkerAndEachOfItsEventsIsStoredOnce() throws Exception {
    inProcessWorker("w1");
    long id = execute(1, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == 7);

    List<EventMessage> stored = messages(id);
    assertThat(stored).isNotEmpty();
    assertThat((long) stored.size()).isEqualTo(loggedEvents("w1", id));
    assertThat(stored).extracting(EventMessage::message).doesNotHaveDuplicates();
    assertThat(taskColumn(id, "attempt")).isEqualTo("1");
  }

  @Test
  void aMasterRestartMidRunLosesNoEventAndCostsNoRetry() throws Exception {
    // The default lease (L 10 s, G 2 s; worker M 2 s) rides through outages up to L - M = 8 s.
    UnaryOperator<MasterSettings> defaultLease =
        settings ->
            settings.withLease(
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(100));
    cluster.restartMaster(defaultLease);
    inProcessWorker("w1");
    long id = execute(4, 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> !messages(id).isEmpty());

    long down = System.nanoTime();
    cluster.stopMaster(); // the master goes down while the package runs and logs
    Thread.sleep(1_500);
    cluster.startMaster(defaultLease);
    System.out.println(
        "FIGURE master outage: " + Duration.ofNanos(System.nanoTime() - down).toMillis() + " ms");

    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == 7);
    assertThat((long) messages(id).size()).isEqualTo(loggedEvents("w1", id));
    assertThat(taskColumn(id, "attempt")).as("ridden through, not retried").isEqualTo("1");
  }

  /** Starts {@code sluice worker} as a process of its own, on the config written for it. */
  private Process workerProcess(Path config) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            // the CLI's own logging (worker at INFO), not the tests' quiet one
            "-Dlogback.configurationFile="
                + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
            "-cp",
            System.getProperty("java.class.path"),
            SluiceCommand.class.getName(),
            "worker",
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target", "doomed-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  @Test
  void aKilledWorkerProcessesTaskIsRetriedOnAnotherWorker() throws Exception {
    certs.issueWorker("doomed");
    Path config = dir.resolve("doomed.yaml");
    Files.writeString(config, certs.workerYaml("doomed", List.of(endpoint()), MARGIN));
    process = workerProcess(config);
    enable("doomed");
    long id = execute(30, 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> !messages(id).isEmpty());
    UUID doomedId = UUID.fromString(taskColumn(id, "worker_agent_id"));

    process.destroyForcibly(); // kill -9
    process.waitFor(10, TimeUnit.SECONDS);
    long killed = System.nanoTime();
    inProcessWorker("survivor");

    await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(taskColumn(id, "attempt")));
    Duration retriedAfter = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(UUID.fromString(taskColumn(id, "worker_agent_id"))).isNotEqualTo(doomedId);
    System.out.println("FIGURE dead worker to retry running: " + retriedAfter.toMillis() + " ms");
    assertThat(retriedAfter).as("lease 4 s + grace 1 s").isLessThan(Duration.ofSeconds(15));
    assertThat(status(id)).isEqualTo(2); // running again, elsewhere
  }

  @Test
  void processesAKilledWorkersPackageStartedAreKilledWhenItStartsAgain() throws Exception {
    certs.issueWorker("doomed");
    Path config = dir.resolve("doomed.yaml");
    Files.writeString(config, certs.workerYaml("doomed", List.of(endpoint()), MARGIN));
    process = workerProcess(config);
    enable("doomed");
    long id = execute(300, 0); // ExecuteProcess: sleep 300
    Path ledger = dir.resolve("doomed-cache").resolve(ChildProcessLedger.FILE_NAME);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(ledger) && Files.readString(ledger).contains("sleep"));
    long sleepPid =
        Files.readAllLines(ledger).stream()
            .filter(line -> line.contains("sleep"))
            .mapToLong(line -> Long.parseLong(line.split(" ")[0]))
            .findFirst()
            .orElseThrow();
    ProcessHandle sleep = ProcessHandle.of(sleepPid).orElseThrow();
    try {
      assertThat(status(id)).isEqualTo(2);

      process.destroyForcibly(); // kill -9: the JVM cannot kill its children now
      process.waitFor(10, TimeUnit.SECONDS);
      Thread.sleep(500);
      assertThat(sleep.isAlive()).as("the package's process outlived its worker").isTrue();

      process = workerProcess(config); // the same worker, started again
      await().atMost(Duration.ofSeconds(30)).until(() -> !sleep.isAlive());
    } finally {
      sleep.destroyForcibly(); // never leave it behind, whatever failed
    }
  }
}
