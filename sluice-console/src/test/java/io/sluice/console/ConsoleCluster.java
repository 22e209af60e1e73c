package io.sluice.console;

import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import io.sluice.master.management.WorkerAgent;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import io.sluice.worker.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real cluster for the console's tests: a master (which mounts the console from this module's
 * class path, as a distribution's master does) on an embedded catalog, project F/S with the package
 * Slow (it sleeps as long as its parameter Seconds says), API tokens for an administrator and a
 * read-only viewer, and real in-process workers once asked for.
 */
final class ConsoleCluster implements AutoCloseable {

  final ScaleOutCluster cluster;
  final String adminToken;
  final String readToken;
  private final TestCertificates certificates;
  private final List<Worker> workers = new ArrayList<>();

  private ConsoleCluster(Path dir) {
    cluster = ScaleOutCluster.start(dir, ConsoleCluster::shortLease);
    cluster
        .catalog()
        .projects()
        .deploy(
            "F",
            ProjectFiles.of(
                    Map.of(
                        "project.yaml", "name: S\n".getBytes(StandardCharsets.UTF_8),
                        "packages/Slow.yaml",
                            ScaleOutCluster.SLOW_PACKAGE.getBytes(StandardCharsets.UTF_8)))
                .toArchive());
    ApiTokens tokens = new ApiTokens(cluster.jdbi());
    adminToken = tokens.create("console-admin", "test");
    readToken = tokens.create("console-reader", "test", Role.READ);
    certificates = TestCertificates.ofCluster(dir, cluster.ca);
  }

  static ConsoleCluster start(Path dir) {
    return new ConsoleCluster(dir);
  }

  /** L 4 s, G 1 s: a stopped task's lease runs out within seconds. */
  private static MasterSettings shortLease(MasterSettings settings) {
    return settings.withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100));
  }

  /** {@code https://localhost:PORT/console...} on the management port. */
  String url(String path) {
    return "https://localhost:" + cluster.master.managementPort() + path;
  }

  int managementPort() {
    return cluster.master.managementPort();
  }

  /** Starts a real worker in this JVM; it registers itself disabled, as in SSIS. */
  WorkerAgent startWorker(String name) {
    certificates.issueWorker(name);
    Worker worker =
        new Worker(
            WorkerSettingsReader.parse(
                certificates.workerYaml(
                    name, List.of(cluster.workerEndpoint()), "leaseSafetyMargin: 1s\n"),
                certificates.folder()));
    workers.add(worker);
    worker.start();
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster.workers().list().stream()
                    .filter(w -> name.equals(w.displayName()))
                    .findFirst()
                    .orElse(null),
            w -> w != null);
  }

  /** Starts an execution of F/S/Slow in Scale Out that sleeps {@code seconds}. */
  long startSlow(int seconds) {
    long id = createSlow(seconds);
    cluster.catalog().executions().start(id, 0);
    return id;
  }

  /** Creates (status 1, not started) an execution of F/S/Slow in Scale Out. */
  long createSlow(int seconds) {
    long id =
        cluster
            .catalog()
            .executions()
            .create(CreateExecution.of("F", "S", "Slow").inScaleOut(true).withAnyWorker(true));
    cluster.catalog().executions().setParameterValue(id, 30, "Seconds", String.valueOf(seconds));
    return id;
  }

  /**
   * An execution of F/S/Slow that ran as a runner records it (through {@link ExecutionRuntime}, as
   * the master stores a worker's statistics): the package, then task Extract (2 s) and task Load (a
   * failure after 1 s) and a data flow of 1,234 rows, then two errors, then failed. Its creation is
   * moved ten minutes back first, since the catalog keeps statistics' start times after it.
   */
  long ranWithStatistics() {
    long id = createSlow(1);
    cluster
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "update execution set created_time = created_time - interval '10 minutes'"
                      + " where execution_id = ?",
                  id);
              h.execute(
                  "update operation set created_time = created_time - interval '10 minutes'"
                      + " where operation_id = ?",
                  id);
            });
    cluster.catalog().executions().start(id, 0);
    ExecutionRuntime runtime = new ExecutionRuntime(cluster.under.context());
    runtime.markRunning(id);
    Instant t0 = cluster.catalog().executions().get(id).createdTime().plusSeconds(60);
    runtime.recordExecutableStatistics(
        id,
        List.of(
            new ExecutableStatistic(
                "Slow", "\\Package", "\\Package", t0, t0.plusSeconds(4), 4000L, 1, null),
            new ExecutableStatistic(
                "Extract",
                "\\Package\\Extract",
                "\\Package\\Extract",
                t0.plusMillis(500),
                t0.plusMillis(2500),
                2000L,
                0,
                null),
            new ExecutableStatistic(
                "Load",
                "\\Package\\Load",
                "\\Package\\Load",
                t0.plusMillis(2600),
                t0.plusMillis(3600),
                1000L,
                1,
                null)));
    runtime.recordDataStatistics(
        id,
        List.of(
            new DataFlowStatistic(
                "Slow",
                "Extract",
                "Paths[Source.Output]",
                "Source Output",
                "Orders source",
                "Orders table",
                1234,
                t0.plusSeconds(2))));
    runtime.recordEvents(
        id,
        List.of(
            NewEventMessage.of(t0.plusSeconds(3), MessageType.WARNING, "Load is slow today"),
            NewEventMessage.of(
                t0.plusMillis(3500), MessageType.ERROR, "Load failed: the table Orders is locked"),
            NewEventMessage.of(t0.plusMillis(3600), MessageType.ERROR, "Slow failed")));
    runtime.finish(id, OperationStatus.FAILED);
    return id;
  }

  int status(long executionId) {
    return cluster.catalog().executions().get(executionId).status();
  }

  @Override
  public void close() {
    workers.forEach(Worker::close);
    cluster.close();
  }
}
