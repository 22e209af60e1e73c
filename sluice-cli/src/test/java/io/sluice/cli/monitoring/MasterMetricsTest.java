package io.sluice.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import io.sluice.worker.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real master, catalog and worker: executions run and end, and {@code /metrics} (scraped over
 * HTTPS as Prometheus does) follows them: started and ended counters by status, the duration
 * histogram of the package, rows moved by the data flow, queue depth, running tasks and workers.
 */
class MasterMetricsTest {

  /** Rows.txt: a header and five rows. */
  static final int ROWS = 5;

  @TempDir Path dir;
  ScaleOutCluster cluster;
  Worker worker;

  @BeforeEach
  void start() throws Exception {
    cluster = ScaleOutCluster.start(dir);
    cluster.catalog().projects().deploy("F", project());
    Files.writeString(dir.resolve("rows.txt"), "N\n1\n2\n3\n4\n5\n");
    worker = startWorker(cluster, dir);
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    cluster.close();
  }

  /** Project M: Rows (a data flow over a file), Fails (a process that exits 1), Slow. */
  static byte[] project() {
    return ProjectFiles.of(
            Map.of(
                "project.yaml", bytes("name: M\n"),
                "packages/Rows.yaml", bytes(ROWS_PACKAGE),
                "packages/Fails.yaml", bytes(FAILS_PACKAGE),
                "packages/Slow.yaml", bytes(ScaleOutCluster.SLOW_PACKAGE)))
        .toArchive();
  }

  static final String ROWS_PACKAGE =
      """
      parameters:
        - {name: File, type: String, required: true}
      variables:
        - {name: Counted, type: Int32, value: 0}
      connections:
        - name: Input
          type: flatFile
          file: rows.txt
          delimiter: ','
          headerRow: true
          columns:
            - {name: N, type: DT_I4}
          expressions:
            file: "@[$Package::File]"
      tasks:
        - name: Flow
          type: DataFlow
          components:
            - {name: Read, type: FlatFileSource, connection: Input}
            - {name: Count, type: RowCount, input: Read, variable: User::Counted}
      """;

  static final String FAILS_PACKAGE =
      """
      tasks:
        - {name: Exit 1, type: ExecuteProcess, executable: "false"}
      """;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A real worker in this JVM, registered and enabled. */
  static Worker startWorker(ScaleOutCluster cluster, Path dir) {
    TestCertificates certs = TestCertificates.ofCluster(dir, cluster.ca);
    certs.issueWorker("w1");
    Worker worker =
        new Worker(
            WorkerSettingsReader.parse(
                certs.workerYaml(
                    "w1",
                    List.of(cluster.workerEndpoint()),
                    "leaseSafetyMargin: 1s\npollWait: 300ms\n"),
                dir));
    worker.start();
    WorkerAgents agents = cluster.workers();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> agents.list().stream().anyMatch(w -> w.displayName().equals("w1")));
    WorkerAgent agent =
        agents.list().stream().filter(w -> w.displayName().equals("w1")).findFirst().orElseThrow();
    agents.enable(agent.workerAgentId().toString());
    await().atMost(Duration.ofSeconds(30)).until(worker::enabled);
    return worker;
  }

  /**
   * Starts an execution of F/M/{@code packageName} in Scale Out, on a worker with {@code tags};
   * Rows at logging level 2, Slow for 30 s.
   */
  static long execute(ScaleOutCluster cluster, Path dir, String packageName, List<String> tags) {
    long id =
        cluster
            .catalog()
            .executions()
            .create(
                CreateExecution.of("F", "M", packageName)
                    .inScaleOut(true)
                    .withAnyWorker(true)
                    .withWorkerTags(tags));
    if (packageName.equals("Rows")) {
      cluster
          .catalog()
          .executions()
          .setParameterValue(id, 30, "File", dir.resolve("rows.txt").toString());
      // Per-path row counts are kept at Performance and Verbose only, as in SSIS.
      cluster.catalog().executions().setParameterValue(id, 50, "LOGGING_LEVEL", "2");
    }
    if (packageName.equals("Slow")) {
      // Long enough to be seen running; the test stops it.
      cluster.catalog().executions().setParameterValue(id, 30, "Seconds", "30");
    }
    cluster.catalog().executions().start(id, 0);
    return id;
  }

  static void awaitStatus(ScaleOutCluster cluster, long id, int status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cluster.catalog().executions().get(id).status() == status);
  }

  Scrape scrape() throws Exception {
    return Scrape.of(dir.resolve("ca.crt"), cluster.master.managementPort());
  }

  @Test
  void countersFollowExecutionsAsTheyStartAndEnd() throws Exception {
    Scrape before = scrape();
    assertThat(before.value("sluice_executions_started_total")).isZero();
    for (String status : List.of("succeeded", "failed", "canceled", "ended_unexpectedly")) {
      assertThat(before.value("sluice_executions_ended_total", "status", status))
          .as("every final status is exported from the start, at 0")
          .isZero();
    }
    assertThat(before.value("sluice_data_flow_rows_total")).isZero();

    long rows = execute(cluster, dir, "Rows", List.of());
    awaitStatus(cluster, rows, 7);
    long fails = execute(cluster, dir, "Fails", List.of());
    awaitStatus(cluster, fails, 4);

    Scrape after = scrape();
    assertThat(after.value("sluice_executions_started_total")).isEqualTo(2);
    assertThat(after.value("sluice_executions_ended_total", "status", "succeeded")).isEqualTo(1);
    assertThat(after.value("sluice_executions_ended_total", "status", "failed")).isEqualTo(1);
    assertThat(after.value("sluice_data_flow_rows_total"))
        .as("the Read -> Count path carried the file's rows")
        .isEqualTo(ROWS);
    String[] rowsPackage = {"folder", "F", "project", "M", "package", "Rows"};
    assertThat(after.value("sluice_execution_duration_seconds_count", rowsPackage)).isEqualTo(1);
    assertThat(after.value("sluice_execution_duration_seconds_sum", rowsPackage)).isPositive();
    assertThat(after.value("sluice_execution_duration_seconds_max", rowsPackage)).isPositive();
    assertThat(
            after.value(
                "sluice_execution_duration_seconds_bucket", concat(rowsPackage, "le", "+Inf")))
        .isEqualTo(1);
    assertThat(
            after.value(
                "sluice_execution_duration_seconds_count",
                "folder",
                "F",
                "project",
                "M",
                "package",
                "Fails"))
        .isEqualTo(1);
  }

  @Test
  void aServerModeExecutionIsCountedByTheMasterThatRanIt() throws Exception {
    long id =
        cluster
            .catalog()
            .executions()
            .create(CreateExecution.of("F", "M", "Rows").inScaleOut(false));
    cluster
        .catalog()
        .executions()
        .setParameterValue(id, 30, "File", dir.resolve("rows.txt").toString());
    cluster.catalog().executions().setParameterValue(id, 50, "LOGGING_LEVEL", "2");
    cluster.catalog().executions().start(id, 0);
    awaitStatus(cluster, id, 7);

    Scrape after = scrape();
    assertThat(after.value("sluice_executions_started_total")).isEqualTo(1);
    assertThat(after.value("sluice_executions_ended_total", "status", "succeeded")).isEqualTo(1);
    assertThat(after.value("sluice_data_flow_rows_total")).isEqualTo(ROWS);
    assertThat(after.value("sluice_tasks_assigned_total")).as("no worker took part").isZero();
  }

  @Test
  void gaugesShowTheQueueRunningTasksWorkersAndLeader() throws Exception {
    // Gauges are read from the catalog and cached for a few seconds: wait for them to catch up.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Scrape s = scrape();
              assertThat(s.value("sluice_workers_enabled")).isEqualTo(1);
              assertThat(s.value("sluice_workers_online")).isEqualTo(1);
              assertThat(s.value("sluice_leader_present")).isEqualTo(1);
              assertThat(s.value("sluice_leader")).isEqualTo(1);
              assertThat(s.value("sluice_catalog_up")).isEqualTo(1);
              assertThat(s.value("sluice_queue_depth")).isZero();
              assertThat(s.value("sluice_tasks_running")).isZero();
            });

    // No worker has tag "gpu": the execution waits in the queue.
    long queued = execute(cluster, dir, "Rows", List.of("gpu"));
    long slow = execute(cluster, dir, "Slow", List.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Scrape s = scrape();
              assertThat(s.value("sluice_queue_depth")).isEqualTo(1);
              assertThat(s.value("sluice_tasks_running")).isEqualTo(1);
              assertThat(s.value("sluice_executions_running")).isEqualTo(1);
            });

    cluster.catalog().executions().stop(queued);
    cluster.catalog().executions().stop(slow);
    awaitStatus(cluster, slow, 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Scrape s = scrape();
              assertThat(s.value("sluice_queue_depth")).isZero();
              assertThat(s.value("sluice_tasks_running")).isZero();
              assertThat(s.value("sluice_executions_ended_total", "status", "canceled"))
                  .as("the queued one stopped through the catalog, the running one by its worker")
                  .isEqualTo(2);
            });
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
