package io.sluice.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.worker.testing.TestCertificates;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sluice worker} as operators run it: in a process of its own, stopped by signals, against
 * the real master on a real catalog (one for the class; each test has a worker of its own).
 */
class WorkerCommandTest {

  @TempDir static Path dir;
  private static ScaleOutCluster cluster;
  private static TestCertificates certs;
  private Process process;

  @BeforeAll
  static void start() {
    // A short lease (L 6 s, G 1 s) so a killed worker's task is re-queued within seconds.
    cluster =
        ScaleOutCluster.start(
            dir,
            settings ->
                settings.withLease(
                    Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofMillis(100)));
    cluster.catalog().projects().deploy("F", project());
    certs = TestCertificates.ofCluster(dir, cluster.ca);
  }

  @AfterAll
  static void stopMaster() {
    cluster.close();
  }

  @AfterEach
  void stopWorker() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  /** Package Slow sleeps {@code Seconds} in its first attempt; a retry ends at once. */
  private static byte[] project() {
    String yaml =
        ScaleOutCluster.slowPackage(
            "@[System::TaskAttempt] == 1 ? (DT_WSTR, 10) @[$Package::Seconds] : \"0\"");
    return ProjectFiles.of(
            Map.of(
                "project.yaml", "name: P\n".getBytes(StandardCharsets.UTF_8),
                "packages/Slow.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  /** Starts {@code sluice worker} for worker {@code name} (its certificate, folders, config). */
  private Process worker(String name) throws Exception {
    Path config = dir.resolve(name + ".yaml");
    if (!Files.exists(config)) {
      certs.issueWorker(name);
      Files.writeString(
          config,
          certs.workerYaml(name, List.of(cluster.workerEndpoint()), "leaseSafetyMargin: 1s\n"));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
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
            .redirectOutput(Path.of("target", name + "-" + System.nanoTime() + ".log").toFile())
            .start();
    return process;
  }

  /** Enables worker {@code name} once it has registered itself, as an operator does. */
  private static UUID enable(String name) {
    WorkerAgents agents = cluster.workers();
    // Generous: a JVM starts on a machine that may be busy with other builds.
    await().atMost(Duration.ofSeconds(60)).until(() -> registered(agents, name).isPresent());
    UUID id = registered(agents, name).orElseThrow().workerAgentId();
    agents.enable(id.toString());
    return id;
  }

  private static Optional<WorkerAgent> registered(WorkerAgents agents, String name) {
    return agents.list().stream().filter(w -> w.displayName().equals(name)).findFirst();
  }

  /** Runs Slow in Scale Out on {@code worker} only. */
  private static long execute(int seconds, int retries, UUID worker) {
    var executions = cluster.catalog().executions();
    long id =
        executions.create(
            CreateExecution.of("F", "P", "Slow").inScaleOut(true).withAnyWorker(false));
    executions.setParameterValue(id, 30, "Seconds", String.valueOf(seconds));
    executions.addWorker(id, worker);
    executions.start(id, retries);
    return id;
  }

  private static int status(long executionId) {
    return cluster.catalog().executions().get(executionId).status();
  }

  private static boolean logged(long executionId) {
    return !cluster.catalog().messages().ofExecution(executionId, MessageQuery.all()).isEmpty();
  }

  private static String taskColumn(long executionId, String column) {
    return cluster.task(executionId, column);
  }

  @Test
  void sigtermLetsTheRunningTaskFinishAndExitsCleanly() throws Exception {
    Process p = worker("sigterm");
    long id = execute(2, 0, enable("sigterm"));
    await().atMost(Duration.ofSeconds(60)).until(() -> logged(id));

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("128 + SIGTERM, as every JVM service").isEqualTo(143);
    assertThat(status(id)).as("succeeded and delivered before exiting").isEqualTo(7);
  }

  @Test
  void aKilledWorkersAttemptIsReportedByItsNextStartAndTheRetryRuns() throws Exception {
    Process p = worker("killed");
    // Two retries: the killed worker may have left a poll open that takes one (its lease then
    // runs out as well).
    long id = execute(60, 2, enable("killed"));
    await().atMost(Duration.ofSeconds(60)).until(() -> logged(id));
    p.destroyForcibly(); // kill -9: no shutdown hook, no goodbye
    p.waitFor(10, TimeUnit.SECONDS);

    // The same worker starts again: it first reports what the killed one left in its cache, then
    // runs the retry the master hands out once attempt 1 has failed or its lease has run out.
    worker("killed");
    // Generous: a JVM starts on a machine that may be busy with other builds.
    await().atMost(Duration.ofSeconds(60)).until(() -> status(id) == 7);
    int attempt = Integer.parseInt(taskColumn(id, "attempt"));
    assertThat(attempt).as("retried").isGreaterThan(1);
    assertThat(taskColumn(id, "result_attempt"))
        .as("the result applied is the last attempt's")
        .isEqualTo(String.valueOf(attempt));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (Stream<Path> left = Files.list(dir.resolve("killed-cache"))) {
                return left.findAny().isEmpty();
              }
            });
  }

  @Test
  void aWrongConfigIsAnErrorWithAHintAndExitCodeTwo() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "masters: [https://m1]\nmaxTasks: 3\n");
    StringWriter err = new StringWriter();
    CommandLine cli = SluiceCommand.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("worker", "--config", dir.resolve("bad.yaml").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("error: " + dir.resolve("bad.yaml") + ": unknown setting 'maxTasks'")
        .contains("hint: did you mean maxTaskCount?");
    assertThat(new File(dir.toFile(), "cache")).doesNotExist();
  }
}
