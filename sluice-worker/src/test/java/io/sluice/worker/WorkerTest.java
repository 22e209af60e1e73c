package io.sluice.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.Master;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgent;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.worker.config.WorkerSettingsReader;
import io.sluice.worker.testing.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole worker (agent loop, leases, spool, sender) against the REAL master on a real catalog
 * (embedded PostgreSQL), over mutual TLS with certificates of one cluster CA. Executions are
 * started through the catalog as {@code sluice execute --scale-out} does, each allowed only on its
 * test's worker, so the tests share one catalog without taking each other's tasks. What the worker
 * did is checked where users see it: execution status, event messages, the task's row.
 */
class WorkerTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final int PACKAGE_PARAMETER = 30; // SSIS object type of a package parameter
  private static final int SUCCEEDED = OperationStatus.SUCCEEDED.code();
  private static final int FAILED = OperationStatus.FAILED.code();
  private static final int CANCELED = OperationStatus.CANCELED.code();
  private static final AtomicInteger workerNumber = new AtomicInteger();

  @TempDir static Path dir;
  private static ScaleOutCluster cluster;
  private static TestCertificates certs;
  private final List<Worker> workers = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = ScaleOutCluster.start(dir);
    cluster.catalog().projects().deploy("F", project());
    certs = TestCertificates.ofCluster(dir, cluster.ca);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @AfterEach
  void stopWorkers() {
    workers.forEach(Worker::close);
    // Whatever a test did to the master (stopped it, other lease settings), the next one meets
    // a fresh master with the cluster's settings.
    cluster.restartMaster(s -> s);
  }

  private static byte[] project() {
    String quick =
        """
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - {name: One, type: Expression, expression: "@[User::N] = 1"}
          - {name: Two, type: Expression, expression: "@[User::N] = 2", after: One}
        """;
    String slow = ScaleOutCluster.SLOW_PACKAGE;
    return ProjectFiles.of(
            Map.of(
                "project.yaml", "name: W\n".getBytes(StandardCharsets.UTF_8),
                "packages/Quick.yaml", quick.getBytes(StandardCharsets.UTF_8),
                "packages/Slow.yaml", slow.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  /** A worker name with a certificate of its own, so a registration of its own in the catalog. */
  private static String newWorkerName() {
    String name = "worker-" + workerNumber.incrementAndGet();
    certs.issueWorker(name);
    return name;
  }

  /** Starts worker {@code name} (folders {@code <name>-tasks}, {@code <name>-cache} in dir). */
  private Worker startWorker(String name, String extraYaml) {
    Worker worker =
        new Worker(
            WorkerSettingsReader.parse(
                certs.workerYaml(name, List.of(cluster.workerEndpoint()), extraYaml), dir));
    workers.add(worker);
    worker.start();
    return worker;
  }

  /** Starts a worker and enables it once its first heartbeat registered it, as an operator does. */
  private Worker enabledWorker(String name, String extraYaml) {
    Worker worker = startWorker(name, extraYaml);
    await().atMost(TEN_SECONDS).until(() -> worker.workerId() != null);
    cluster.workers().enable(worker.workerId().toString());
    await().atMost(TEN_SECONDS).until(worker::enabled);
    return worker;
  }

  /**
   * Starts package Quick, or Slow sleeping {@code seconds}, in Scale Out on {@code worker} only,
   * allowing {@code retries} retries.
   */
  private static long execute(String packageName, int seconds, int retries, Worker worker) {
    Executions executions = cluster.catalog().executions();
    long id =
        executions.create(
            CreateExecution.of("F", "W", packageName).inScaleOut(true).withAnyWorker(false));
    if (seconds > 0) {
      executions.setParameterValue(id, PACKAGE_PARAMETER, "Seconds", String.valueOf(seconds));
    }
    executions.addWorker(id, worker.workerId());
    executions.start(id, retries);
    return id;
  }

  private static int status(long executionId) {
    return cluster.executionStatus(executionId);
  }

  private static boolean ended(int status) {
    return List.of(SUCCEEDED, FAILED, CANCELED, OperationStatus.ENDED_UNEXPECTEDLY.code())
        .contains(status);
  }

  /** When the attempt's lease ends in the catalog, on the catalog's clock. */
  private static Instant leaseEnd(long executionId) {
    return cluster
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select expires_at from scale_out_task where execution_id = :id")
                    .bind("id", executionId)
                    .mapTo(Instant.class)
                    .one());
  }

  /** A column of the execution's Scale Out task, as text (null stays null). */
  private static String task(long executionId, String column) {
    return cluster.task(executionId, column);
  }

  private static RunningAttempt attempt(long executionId, int attempt) {
    return new RunningAttempt(Long.parseLong(task(executionId, "task_id")), attempt);
  }

  /** Keeps the attempt's lease run out until the master has taken the task back. */
  private static void expireUntilRequeued(long executionId, int attempt) {
    // The worker's own renewals would put the lease back; the master checks every 100 ms.
    await()
        .atMost(TEN_SECONDS)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              cluster.expireLease(executionId, attempt);
              return !(task(executionId, "attempt").equals(String.valueOf(attempt))
                  && "RUNNING".equals(task(executionId, "status")));
            });
  }

  /**
   * Waits until package Slow sleeps in its Wait task: its events so far are stored, so no batch is
   * in flight whose acknowledgement could tell the worker anything.
   */
  private static void awaitSleeping(long executionId) {
    await()
        .atMost(TEN_SECONDS)
        .until(
            () ->
                workerEvents(executionId).stream()
                    .anyMatch(e -> "Wait".equals(e.messageSourceName())));
  }

  private static List<EventMessage> messages(long executionId) {
    return cluster.catalog().messages().ofExecution(executionId, MessageQuery.all()).stream()
        .sorted(Comparator.comparingLong(EventMessage::eventMessageId)) // the order stored
        .toList();
  }

  /** The events a worker reported (the master's own messages name no package). */
  private static List<EventMessage> workerEvents(long executionId) {
    return messages(executionId).stream().filter(m -> m.packageName() != null).toList();
  }

  /** What the master itself wrote in the execution's log: retries, lost workers, failures. */
  private static List<String> masterMessages(long executionId) {
    return messages(executionId).stream()
        .filter(m -> m.packageName() == null)
        .map(EventMessage::message)
        .toList();
  }

  /**
   * The attempt's log in its worker's task log folder: a header, one line per event, the outcome.
   * Read it once the attempt has left {@link Worker#running()}: the file is complete by then.
   */
  private static List<String> taskLog(String worker, long executionId, int attempt) {
    try (Stream<Path> files = Files.list(dir.resolve(worker + "-tasks"))) {
      Path log =
          files
              .filter(f -> f.getFileName().toString().startsWith("execution-" + executionId + "-"))
              .filter(f -> f.getFileName().toString().endsWith("-attempt-" + attempt + ".log"))
              .findFirst()
              .orElseThrow();
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String outcomeLine(List<String> taskLog) {
    return taskLog.get(taskLog.size() - 1);
  }

  /**
   * Every event the worker logged for the attempt is in the catalog exactly once, in the order it
   * happened: the stored events, in the order stored, match the task log's event lines one by one.
   */
  private static void assertEventsStoredOnceInOrder(long executionId, String worker, int attempt) {
    List<String> logged = taskLog(worker, executionId, attempt);
    List<String> loggedEvents = logged.subList(1, logged.size() - 1);
    List<String> stored = workerEvents(executionId).stream().map(WorkerTest::asLogged).toList();
    assertThat(loggedEvents).isNotEmpty().hasSameSizeAs(stored);
    for (int i = 0; i < stored.size(); i++) {
      assertThat(loggedEvents.get(i)).as("event %d", i + 1).endsWith(stored.get(i));
    }
  }

  /** An event line of a task log after its time and type: "[source] [subcomponent] message". */
  private static String asLogged(EventMessage m) {
    return (m.messageSourceName() == null ? "" : "[" + m.messageSourceName() + "] ")
        + (m.subcomponentName() == null ? "" : "[" + m.subcomponentName() + "] ")
        + m.message();
  }

  private static boolean spoolLeft(String worker, RunningAttempt attempt) {
    return Files.exists(
        dir.resolve(worker + "-cache")
            .resolve("task-" + attempt.taskId() + "-attempt-" + attempt.attempt() + ".spool"));
  }

  private static WorkerAgent agent(Worker worker) {
    return cluster.workers().get(worker.workerId().toString());
  }

  @Test
  void aPackageRunsAndItsEventsArriveOnceInOrderBeforeItsResult() throws Exception {
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "");
    long id = execute("Quick", 0, 0, worker);

    await().atMost(Duration.ofSeconds(30)).until(() -> ended(status(id)));
    // Read at once: the master takes a result only after every batch it names, so the events
    // must all be stored by the time the execution has ended.
    List<EventMessage> storedAtTheEnd = workerEvents(id);
    assertThat(status(id)).as(() -> masterMessages(id).toString()).isEqualTo(SUCCEEDED);
    await().atMost(TEN_SECONDS).until(() -> worker.running().isEmpty());
    assertEventsStoredOnceInOrder(id, name, 1);
    assertThat(storedAtTheEnd).hasSameSizeAs(workerEvents(id));
    assertThat(storedAtTheEnd).extracting(EventMessage::messageSourceName).contains("One", "Two");
    assertThat(task(id, "result_attempt")).isEqualTo("1");
    assertThat(task(id, "worker_agent_id")).isEqualTo(worker.workerId().toString());

    await().atMost(Duration.ofSeconds(5)).until(() -> worker.undelivered() == 0);
    try (var files = Files.list(dir.resolve(name + "-cache"))) {
      assertThat(files).as("nothing left in the cache once delivered").isEmpty();
    }
    try (var files = Files.list(dir.resolve(name + "-tasks"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aMasterOutageMidRunLosesNoEventAndCostsNoTask() throws Exception {
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "");
    long id = execute("Slow", 3, 1, worker);
    await().atMost(TEN_SECONDS).until(() -> !workerEvents(id).isEmpty());

    // The master goes away for 2 s while the package runs and logs; a new master process starts
    // on the same port and catalog. The lease (L 10 s, M 2 s) rides through up to 8 s.
    cluster.stopMaster();
    Thread.sleep(2_000);
    cluster.startMaster(s -> s);

    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == SUCCEEDED);
    await().atMost(TEN_SECONDS).until(() -> worker.running().isEmpty());
    assertEventsStoredOnceInOrder(id, name, 1);
    assertThat(workerEvents(id))
        .extracting(EventMessage::messageSourceName)
        .contains("Before", "Wait", "After");
    assertThat(task(id, "attempt")).as("ridden through, not retried").isEqualTo("1");
    assertThat(masterMessages(id)).as("no retry, no lost attempt").isEmpty();
  }

  @Test
  void aTaskWhoseLeaseCannotBeRenewedIsStoppedBeforeTheMasterMayRetryIt() throws Exception {
    // L 4 s, G 1 s, and the worker's M 1 s: it must stop the package by s_last + 3 s.
    UnaryOperator<MasterSettings> shortLease =
        s -> s.withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100));
    cluster.restartMaster(shortLease);
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "leaseSafetyMargin: 1s\n");
    long id = execute("Slow", 60, 1, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);
    RunningAttempt first = attempt(id, 1);

    // The worker's master goes down; another one, which the worker does not know, keeps serving
    // the catalog and checking leases. No renewal can reach the catalog any more.
    try (Master other = cluster.startAnotherMaster(shortLease)) {
      cluster.stopMaster();
      Instant leaseEnds = leaseEnd(id);

      await().atMost(TEN_SECONDS).until(() -> worker.running().isEmpty());
      String outcome = outcomeLine(taskLog(name, id, 1));
      assertThat(outcome).contains("FAILED: no master renewed the lease");
      assertThat(Instant.parse(outcome.substring(0, outcome.indexOf(' '))))
          .as("the worker stopped the package before its lease in the catalog ran out")
          .isBefore(leaseEnds);

      // Only after the lease and the grace may the task run again.
      await().atMost(TEN_SECONDS).until(() -> "QUEUED".equals(task(id, "status")));
      assertThat(masterMessages(id)).anyMatch(m -> m.contains("attempt 1 of 2 was lost"));

      cluster.startMaster(shortLease);
      // Its master back, the worker delivers what attempt 1 left: its late result is fenced off.
      await().atMost(TEN_SECONDS).until(() -> !spoolLeft(name, first));
      assertThat(task(id, "result_attempt")).as("attempt 1's result was refused").isEqualTo("0");
      await().atMost(TEN_SECONDS).until(() -> worker.running().contains(attempt(id, 2)));
    }
  }

  @Test
  void aStaleAttemptIsAnsweredAbortOnItsTaskHeartbeatAndStoppedWithoutAResult() {
    String name = newWorkerName();
    enabledWorker(name, "").close();
    // A closed Worker's last poll stays open in the master (Java 17's HttpClient cannot cancel it),
    // and the master may hand the next task to it; a master restart drops it.
    cluster.restartMaster(s -> s);
    // Restarted with agent heartbeats a minute apart: only a task heartbeat can tell it now.
    Worker worker = startWorker(name, "agentHeartbeatInterval: 1m\n");
    await().atMost(TEN_SECONDS).until(worker::enabled);
    long id = execute("Slow", 60, 1, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);
    RunningAttempt first = attempt(id, 1);
    awaitSleeping(id);

    expireUntilRequeued(id, 1);
    await().atMost(TEN_SECONDS).until(() -> !worker.running().contains(first));
    assertThat(outcomeLine(taskLog(name, id, 1)))
        .contains("ABORTED (no result reported): the master says attempt 1 is stale");
    await().atMost(TEN_SECONDS).until(() -> !spoolLeft(name, first));
    assertThat(task(id, "result_attempt")).as("no result applied").isEqualTo("0");
    assertThat(masterMessages(id)).anyMatch(m -> m.contains("attempt 1 of 2 was lost"));
  }

  @Test
  void theAgentHeartbeatsAbortListStopsAStaleAttempt() {
    // L 60 s and task heartbeats asked every 30 s: the first renewal would come after 19 s (3 fit
    // in L - M), so only the agent heartbeat (every 200 ms) can carry the abort within the test.
    cluster.restartMaster(
        s -> s.withLease(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMillis(100)));
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "taskHeartbeatInterval: 30s\n");
    long id = execute("Slow", 60, 1, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);
    RunningAttempt first = attempt(id, 1);
    awaitSleeping(id);

    expireUntilRequeued(id, 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> !worker.running().contains(first));
    assertThat(outcomeLine(taskLog(name, id, 1)))
        .contains(
            "ABORTED (no result reported): the master says this attempt is no longer current");
    assertThat(task(id, "result_attempt")).as("no result applied").isEqualTo("0");
  }

  @Test
  void stopCancelsThePackageAndReportsCanceled() {
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "");
    long id = execute("Slow", 60, 1, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);

    cluster.catalog().executions().stop(id); // sluice executions stop: 8 stopping
    await().atMost(TEN_SECONDS).until(() -> status(id) == CANCELED);
    await().atMost(TEN_SECONDS).until(() -> worker.running().isEmpty());
    assertThat(outcomeLine(taskLog(name, id, 1))).contains("CANCELED");
    assertThat(task(id, "result_attempt")).isEqualTo("1");
    assertThat(task(id, "attempt")).as("a stopped execution is not retried").isEqualTo("1");
  }

  @Test
  void aDisabledWorkerHeartbeatsButTakesNoTask() {
    String name = newWorkerName();
    Worker worker = startWorker(name, "");
    await().atMost(TEN_SECONDS).until(() -> worker.workerId() != null);
    assertThat(worker.enabled()).as("a new worker is registered disabled").isFalse();
    long id = execute("Quick", 0, 0, worker);
    Instant online = agent(worker).lastOnlineTime();

    // It keeps heartbeating, but holds no poll open and is given nothing.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> cluster.master.waitingPolls() == 0 && "QUEUED".equals(task(id, "status")));
    assertThat(agent(worker).lastOnlineTime()).isAfter(online);

    cluster.workers().enable(worker.workerId().toString()); // sluice workers enable ID
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == SUCCEEDED);
  }

  @Test
  void gracefulShutdownLetsRunningTasksFinishWithinTheGracePeriod() {
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "maxTaskCount: 1\n");
    long running = execute("Slow", 1, 0, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);
    long waiting = execute("Quick", 0, 0, worker); // its only slot is busy

    worker.shutdown();
    assertThat(status(running)).as(() -> masterMessages(running).toString()).isEqualTo(SUCCEEDED);
    assertThat(task(waiting, "status"))
        .as("a worker shutting down takes no new task, even once its slot is free")
        .isEqualTo("QUEUED");
  }

  @Test
  void afterTheGracePeriodShutdownCancelsAndStillDeliversTheResult() {
    String name = newWorkerName();
    Worker worker = enabledWorker(name, "shutdownGracePeriod: 500ms\n");
    long id = execute("Slow", 60, 0, worker);
    await().atMost(TEN_SECONDS).until(() -> worker.running().size() == 1);

    worker.shutdown();
    assertThat(status(id)).isEqualTo(FAILED);
    assertThat(masterMessages(id))
        .anyMatch(m -> m.contains("grace period") && m.contains("no attempts left"));
    assertThat(outcomeLine(taskLog(name, id, 1))).contains("FAILED").contains("grace period");
  }

  @Test
  void logsLeftByACrashedWorkerAreDeliveredByTheNextStart() throws Exception {
    String name = newWorkerName();
    Worker first = enabledWorker(name, "");
    long id = execute("Slow", 60, 0, first);
    await().atMost(TEN_SECONDS).until(() -> first.running().size() == 1);

    // No master takes its logs any more; then the worker dies while the package runs.
    cluster.stopMaster();
    Thread.sleep(300);
    first.close(); // as good as a crash for the spool: nothing more is delivered
    await().atMost(TEN_SECONDS).until(() -> first.running().isEmpty());
    assertThat(status(id)).isEqualTo(OperationStatus.RUNNING.code());
    cluster.startMaster(s -> s);

    startWorker(name, ""); // the same worker (certificate, folders) starting again
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == FAILED);
    assertEventsStoredOnceInOrder(id, name, 1);
    assertThat(masterMessages(id)).anyMatch(m -> m.contains("the worker was closed"));
  }

  @Test
  void aSuccessWhoseWorkerDiedBeforeReportingCountsWhenTheWorkerIsBackWithinTheLease()
      throws Exception {
    String name = newWorkerName();
    Worker first = enabledWorker(name, "");
    long id = execute("Slow", 2, 1, first);
    await().atMost(TEN_SECONDS).until(() -> first.running().size() == 1);

    // The package ends while no master can take its result; then the worker dies.
    cluster.stopMaster();
    await().atMost(TEN_SECONDS).until(() -> first.running().isEmpty());
    first.close(); // as good as a crash for the spool: the success waits in it
    assertThat(status(id)).isEqualTo(OperationStatus.RUNNING.code());
    cluster.startMaster(s -> s);

    // Started again within the lease (a service manager restarts it in seconds), the worker
    // delivers the spooled success of attempt 1: the finished package does not run a second time.
    startWorker(name, "");
    await().atMost(Duration.ofSeconds(30)).until(() -> ended(status(id)));
    assertThat(status(id)).isEqualTo(SUCCEEDED);
    assertThat(task(id, "attempt")).isEqualTo("1");
    assertEventsStoredOnceInOrder(id, name, 1);
  }
}
