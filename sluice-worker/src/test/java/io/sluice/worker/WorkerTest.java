package io.sluice.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.testing.FakeMaster;
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
 * A whole worker (agent loop, leases, spool, sender) against a master over real mutual TLS. The
 * master is the in-test stand-in applying the contract's rules, until the real master's worker API
 * can be started here.
 */
class WorkerTest {

  @TempDir Path dir;
  private TestCertificates certs;
  private FakeMaster master;
  private Worker worker;

  @BeforeEach
  void start() throws Exception {
    certs = new TestCertificates(dir);
    master = FakeMaster.start(certs.masterContext("master"), 0);
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    master.close();
  }

  private static byte[] project(String packageYaml) {
    return ProjectFiles.of(
            Map.of(
                "project.yaml",
                "name: t\n".getBytes(StandardCharsets.UTF_8),
                "packages/p.yaml",
                packageYaml.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  private static final String QUICK =
      """
      variables:
        - {name: N, type: Int32, value: 0}
      tasks:
        - {name: One, type: Expression, expression: "@[User::N] = 1"}
        - {name: Two, type: Expression, expression: "@[User::N] = 2", after: One}
      """;

  private static final String SLOW =
      """
      variables:
        - {name: N, type: Int32, value: 0}
      tasks:
        - {name: Before, type: Expression, expression: "@[User::N] = 1"}
        - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "%s", after: Before}
        - {name: After, type: Expression, expression: "@[User::N] = 2", after: Wait}
      """;

  private Worker startWorker(String extraYaml) {
    WorkerSettings settings = certs.workerSettings(List.of(master.endpoint()), extraYaml);
    worker = new Worker(settings);
    worker.start();
    return worker;
  }

  private TaskResult awaitResult(long taskId, int attempt) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> master.results.containsKey(taskId + "/" + attempt));
    return master.results.get(taskId + "/" + attempt);
  }

  private String errors(TaskResult result) {
    return result.message()
        + " "
        + master.stored.values().stream()
            .flatMap(List::stream)
            .flatMap(b -> b.events().stream())
            .filter(e -> e.messageType() == 120)
            .map(EventBatch.Event::message)
            .toList();
  }

  @Test
  void aPackageRunsAndItsEventsArriveOnceInOrderBeforeItsResult() throws Exception {
    startWorker("");
    master.submit(1, "p", project(QUICK), 0);

    TaskResult result = awaitResult(1, 1);
    assertThat(result.outcome()).as(() -> errors(result)).isEqualTo(TaskResult.Outcome.SUCCEEDED);
    List<EventBatch> batches = master.batches(1, 1);
    assertThat(batches)
        .extracting(EventBatch::sequence)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, batches.size()).boxed().toList());
    assertThat(result.lastSequence()).isEqualTo(batches.size());
    assertThat(batches.stream().flatMap(b -> b.events().stream()))
        .extracting(EventBatch.Event::sourceName)
        .contains("One", "Two");
    assertThat(worker.workerId()).isEqualTo(master.workerId);
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.undelivered() == 0);
    try (var files = Files.list(dir.resolve("cache"))) {
      assertThat(files).as("nothing left in the cache once delivered").isEmpty();
    }
    assertThat(Files.list(dir.resolve("tasks")).toList()).hasSize(1);
  }

  @Test
  void aMasterOutageMidRunLosesNoEventAndCostsNoTask() throws Exception {
    master.leaseMillis = 10_000;
    startWorker("");
    master.submit(2, "p", project(SLOW.formatted("3")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> !master.batches(2, 1).isEmpty());

    master.pause(); // the master goes away for 2 s while the package runs and logs
    Thread.sleep(2_000);
    master.resume();

    TaskResult result = awaitResult(2, 1);
    assertThat(result.outcome()).as(() -> errors(result)).isEqualTo(TaskResult.Outcome.SUCCEEDED);
    List<EventBatch> batches = master.batches(2, 1);
    assertThat(result.lastSequence()).isEqualTo(batches.size());
    assertThat(batches.stream().flatMap(b -> b.events().stream()))
        .extracting(EventBatch.Event::sourceName)
        .contains("Before", "Wait", "After");
  }

  @Test
  void aTaskWhoseLeaseCannotBeRenewedIsStoppedBeforeTheMasterMayRetryIt() throws Exception {
    master.leaseMillis = 2_000;
    startWorker("leaseSafetyMargin: 500ms\n");
    master.submit(3, "p", project(SLOW.formatted("60")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> master.taskHeartbeats.get() > 0);

    master.pause();
    long paused = System.nanoTime();
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.running().isEmpty());
    // Stopped by s_last + L - M: at most L - M (1.5 s) after the pause, plus the check period.
    assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofMillis(1_700));
    master.resume();

    TaskResult result = awaitResult(3, 1);
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message()).contains("no master renewed the lease");
  }

  @Test
  void abortStopsTheTaskAndNoResultIsReported() throws Exception {
    startWorker("");
    master.submit(4, "p", project(SLOW.formatted("60")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);

    master.taskVerdicts.put(4L, Verdict.ABORT);
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.running().isEmpty());
    Thread.sleep(500);
    assertThat(master.results).doesNotContainKey("4/1");
    assertThat(worker.undelivered()).isZero();
  }

  @Test
  void theAgentHeartbeatsAbortListStopsAStaleAttempt() throws Exception {
    startWorker("");
    master.submit(5, "p", project(SLOW.formatted("60")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);
    master.abortList.add(new RunningAttempt(5, 1));
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.running().isEmpty());
    assertThat(master.results).doesNotContainKey("5/1");
  }

  @Test
  void stopCancelsThePackageAndReportsCanceled() throws Exception {
    startWorker("");
    master.submit(6, "p", project(SLOW.formatted("60")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);
    master.taskVerdicts.put(6L, Verdict.STOP);
    assertThat(awaitResult(6, 1).outcome()).isEqualTo(TaskResult.Outcome.CANCELED);
  }

  @Test
  void aDisabledWorkerHeartbeatsButTakesNoTask() throws Exception {
    master.enabled = false;
    startWorker("");
    master.submit(7, "p", project(QUICK), 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> master.agentHeartbeats.get() >= 3);
    assertThat(master.queue).hasSize(1);
    assertThat(master.calls).noneMatch(c -> c.endsWith("/tasks/poll"));

    master.enabled = true; // sluice workers enable ID
    assertThat(awaitResult(7, 1).outcome()).isEqualTo(TaskResult.Outcome.SUCCEEDED);
  }

  @Test
  void gracefulShutdownLetsRunningTasksFinishWithinTheGracePeriod() throws Exception {
    startWorker("");
    master.submit(8, "p", project(SLOW.formatted("1")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);
    worker.shutdown();
    assertThat(master.results.get("8/1").outcome()).isEqualTo(TaskResult.Outcome.SUCCEEDED);
    int polls = (int) master.calls.stream().filter(c -> c.endsWith("/tasks/poll")).count();
    Thread.sleep(500);
    assertThat(master.calls.stream().filter(c -> c.endsWith("/tasks/poll")).count())
        .isEqualTo(polls);
  }

  @Test
  void afterTheGracePeriodShutdownCancelsAndStillDeliversTheResult() throws Exception {
    startWorker("shutdownGracePeriod: 500ms\n");
    master.submit(9, "p", project(SLOW.formatted("60")), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().size() == 1);
    worker.shutdown();
    TaskResult result = master.results.get("9/1");
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.message()).contains("grace period");
  }

  @Test
  void logsLeftByACrashedWorkerAreDeliveredByTheNextStart() throws Exception {
    master.pause(); // the worker runs a task while no master can take its logs, then dies
    Worker first = new Worker(certs.workerSettings(List.of(master.endpoint()), ""));
    master.resume();
    master.submit(10, "p", project(SLOW.formatted("60")), 0);
    first.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> first.running().size() == 1);
    master.pause();
    Thread.sleep(300);
    first.close(); // as good as a crash for the spool: nothing more is delivered
    master.resume();

    startWorker("");
    TaskResult result = awaitResult(10, 1);
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(result.lastSequence()).isEqualTo(master.batches(10, 1).size());
  }
}
