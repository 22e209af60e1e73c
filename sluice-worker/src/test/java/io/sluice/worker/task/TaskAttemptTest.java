package io.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.worker.spool.AttemptSpool;
import io.sluice.worker.spool.SpoolFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real packages run by the engine as a worker runs them, into a real spool. */
class TaskAttemptTest {

  @TempDir Path dir;
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  static byte[] archive(String packageYaml) {
    return ProjectFiles.of(
            Map.of(
                "project.yaml",
                "name: t\nparameters:\n  - {name: Who, type: String, default: nobody}\n"
                    .getBytes(StandardCharsets.UTF_8),
                "packages/p.yaml",
                packageYaml.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  private TaskAssignment assignment(String packageYaml, long timeoutSeconds) {
    return assignment(packageYaml, timeoutSeconds, 3);
  }

  private TaskAssignment assignment(String packageYaml, long timeoutSeconds, int loggingLevel) {
    return new TaskAssignment(
        1,
        42,
        2,
        10_000,
        "f",
        "t",
        "p",
        loggingLevel,
        archive(packageYaml),
        List.of(new ParameterValue(20, "Who", "String", false, "Sluice")),
        timeoutSeconds,
        List.of());
  }

  private record Run(TaskAttempt attempt, AttemptSpool spool) {}

  private Run start(TaskAssignment task) {
    AttemptSpool spool =
        SpoolFolder.open(dir.resolve("cache")).create(new RunningAttempt(1, task.attempt()), 42);
    TaskAttempt attempt = new TaskAttempt(task, spool, dir.resolve("tasks"), timers, () -> {});
    attempt.start();
    return new Run(attempt, spool);
  }

  private static List<EventBatch.Event> events(AttemptSpool spool) {
    List<EventBatch.Event> all = new ArrayList<>();
    Object next;
    while ((next = spool.next()) instanceof EventBatch b) {
      all.addAll(b.events());
      spool.acknowledged(b.sequence());
    }
    return all;
  }

  @Test
  void anExpressionPackageSucceedsWithTypedParametersAndItsEventsSpooled() throws Exception {
    String yaml =
        """
        variables:
          - {name: Greeting, type: String, value: ""}
        tasks:
          - name: Greet
            type: Expression
            expression: '@[User::Greeting] = "Hello " + @[$Project::Who] + " attempt " + (DT_WSTR, 5) @[System::TaskAttempt]'
          - name: Check
            type: Expression
            expression: '@[User::Greeting] = "checked"'
            after:
              - task: Greet
                expression: '@[User::Greeting] == "Hello Sluice attempt 2"'
        """;
    Run run = start(assignment(yaml, 0));
    TaskResult result = run.attempt().finished().get(30, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.SUCCEEDED);
    assertThat(result.attempt()).isEqualTo(2);
    List<EventBatch.Event> events = events(run.spool());
    assertThat(result.lastSequence()).isEqualTo(run.spool().lastSequence()).isPositive();
    assertThat(events).extracting(EventBatch.Event::sourceName).contains("Greet", "Check");
    assertThat(run.spool().next()).isEqualTo(result);
    Path log = dir.resolve("tasks/execution-42-task-1-attempt-2.log");
    assertThat(Files.readString(log)).contains("Greet").contains("SUCCEEDED");
  }

  /** Every batch the attempt spooled, acknowledged as a master would. */
  private static List<EventBatch> batches(AttemptSpool spool) {
    List<EventBatch> all = new ArrayList<>();
    Object next;
    while ((next = spool.next()) instanceof EventBatch b) {
      all.add(b);
      spool.acknowledged(b.sequence());
    }
    return all;
  }

  @Test
  void executableAndDataFlowStatisticsAreSpooledAsTheLoggingLevelKeepsThem() throws Exception {
    Path csv = dir.resolve("rows.csv");
    Files.writeString(csv, "N\r\n1\r\n2\r\n3\r\n");
    String yaml =
        """
        variables:
          - {name: Rows, type: Int32, value: 0}
        connections:
          - {name: In, type: flatFile, file: '%s', headerRow: true, columns: [{name: N, type: DT_I4}]}
        tasks:
          - name: Copy rows
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: In}
              - {name: Count, type: RowCount, input: Read, variable: User::Rows}
        """
            .formatted(csv.toString().replace("'", "''"));

    Run verbose = start(assignment(yaml, 0, 3));
    assertThat(verbose.attempt().finished().get(30, TimeUnit.SECONDS).outcome())
        .isEqualTo(TaskResult.Outcome.SUCCEEDED);
    List<EventBatch> atVerbose = batches(verbose.spool());

    assertThat(atVerbose.stream().flatMap(b -> b.executables().stream()))
        .extracting(EventBatch.ExecutableStatistic::executablePath)
        .contains("\\p\\Copy rows");
    assertThat(atVerbose.stream().flatMap(b -> b.paths().stream()))
        .singleElement()
        .satisfies(
            path -> {
              assertThat(path.sourceComponent()).isEqualTo("Read");
              assertThat(path.rowsSent()).isEqualTo(3);
            });
  }

  @Test
  void cancellationKillsARunningProcessAndReportsCanceled() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Long, type: ExecuteProcess, executable: sleep, arguments: "60"}
        """;
    Run run = start(assignment(yaml, 0));
    await().atMost(Duration.ofSeconds(10)).until(() -> sleepRunning());
    Instant asked = Instant.now();
    run.attempt().cancel(StopReason.STOP_REQUESTED, "an operator stopped the execution");
    TaskResult result = run.attempt().finished().get(10, TimeUnit.SECONDS);

    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.CANCELED);
    assertThat(sleepRunning()).as("the child process is gone").isFalse();
  }

  @Test
  void aLostLeaseStopsThePackageAndIsReportedAsAFailure() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Long, type: ExecuteProcess, executable: sleep, arguments: "60"}
        """;
    Run run = start(assignment(yaml, 0));
    await().atMost(Duration.ofSeconds(10)).until(() -> sleepRunning());
    run.attempt().cancel(StopReason.LEASE_LOST, "no renewal");
    TaskResult result = run.attempt().finished().get(10, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message()).isEqualTo("no renewal");
    assertThat(sleepRunning()).isFalse();
  }

  @Test
  void anAbortedAttemptReportsNothingAndLeavesNoSpool() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Long, type: ExecuteProcess, executable: sleep, arguments: "60"}
        """;
    Run run = start(assignment(yaml, 0));
    await().atMost(Duration.ofSeconds(10)).until(() -> sleepRunning());
    run.attempt().cancel(StopReason.STOP_REQUESTED, "stop first");
    run.attempt().cancel(StopReason.ABORTED, "stale");
    assertThat(run.attempt().finished().get(10, TimeUnit.SECONDS)).isNull();
    assertThat(run.spool().isDone()).isTrue();
    assertThat(Files.exists(run.spool().file())).isFalse();
  }

  @Test
  void theTaskTimeoutCancelsAPackageThatRunsTooLong() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Long, type: ExecuteProcess, executable: sleep, arguments: "60"}
        """;
    Run run = start(assignment(yaml, 1));
    TaskResult result = run.attempt().finished().get(15, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message()).contains("longer than its maximum of 1 s");
  }

  @Test
  void aBrokenArchiveFailsTheAttemptWithAnErrorEventInsteadOfThrowing() throws Exception {
    TaskAssignment broken =
        new TaskAssignment(
            1, 42, 1, 10_000, "f", "t", "p", 1, new byte[] {1, 2, 3}, List.of(), 0, List.of());
    Run run = start(broken);
    TaskResult result = run.attempt().finished().get(10, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message()).startsWith("the package could not run");
    assertThat(events(run.spool())).extracting(EventBatch.Event::messageType).contains(120);
  }

  /** True while a {@code sleep 60} started by a test runs. */
  private static boolean sleepRunning() {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p ->
                p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false)
                    && p.info().commandLine().orElse("").contains("sleep 60"));
  }

  @Test
  void noSensitiveValueReachesTheSpoolOrTheTaskLogAndOnlyTheirOwnerCanReadThem() throws Exception {
    String secret = "12345x-not-a-number";
    byte[] project =
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    "name: t\nparameters:\n  - {name: Pin, type: Int32, sensitive: true}\n"
                        .getBytes(StandardCharsets.UTF_8),
                    "packages/p.yaml",
                    "tasks:\n  - {name: A, type: Sequence}\n".getBytes(StandardCharsets.UTF_8)))
            .toArchive();
    // A value the master should never send (not an Int32): the attempt's own failure message
    // quotes it, so the worker must mask what it says itself, not only the engine's events.
    TaskAssignment task =
        new TaskAssignment(
            1,
            42,
            1,
            10_000,
            "f",
            "t",
            "p",
            1,
            project,
            List.of(new ParameterValue(20, "Pin", "Int32", true, secret)),
            0,
            List.of());
    Run run = start(task);
    TaskResult result = run.attempt().finished().get(30, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message())
        .isEqualTo(
            "the package could not run: \"********\" is not an Int32 (a whole number from"
                + " -2147483648 to 2147483647)");
    Path log = dir.resolve("tasks/execution-42-task-1-attempt-1.log");
    assertThat(Files.readString(log)).contains("********").doesNotContain(secret);
    assertThat(Files.readString(run.spool().file())).contains("********").doesNotContain(secret);
    assertThat(events(run.spool()))
        .extracting(EventBatch.Event::message)
        .noneMatch(m -> m.contains(secret));

    assertThat(mode(log)).isEqualTo("rw-------");
    assertThat(mode(run.spool().file())).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("tasks"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("cache"))).isEqualTo("rwx------");
  }

  private static String mode(Path path) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path));
  }
}
