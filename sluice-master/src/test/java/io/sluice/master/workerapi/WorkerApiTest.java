package io.sluice.master.workerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.master.management.WorkerChanges;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.protocol.worker.WorkerApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker API over real mutual-TLS HTTPS, against a real master and catalog. */
class WorkerApiTest {

  @TempDir Path tmp;
  private ScaleOutCluster cluster;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(tmp);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static EventBatch batch(int attempt, long sequence, String... messages) {
    List<EventBatch.Event> events = new ArrayList<>();
    for (String m : messages) {
      events.add(
          new EventBatch.Event(
              System.currentTimeMillis(), 70, "Load", "Noop", "\\Load\\Noop", null, m, 0, 1));
    }
    return new EventBatch(attempt, sequence, events, List.of(), List.of());
  }

  private List<String> messagesOf(long executionId) {
    return cluster.catalog().messages().ofExecution(executionId, MessageQuery.all()).stream()
        .map(EventMessage::message)
        .toList();
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedInTheTlsHandshake() {
    CertificateAuthority stranger = CertificateAuthority.create("Other CA", Duration.ofDays(1));
    stranger.issueClient("intruder", Duration.ofDays(1)).writePem(tmp, "intruder");
    TestWorker intruder =
        new TestWorker(
            "intruder",
            tmp.resolve("intruder.crt"),
            tmp.resolve("intruder.key"),
            tmp.resolve("ca.crt"),
            cluster.master.workerPort());

    assertThatThrownBy(() -> intruder.postRaw(WorkerApi.HEARTBEAT, "{}"))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(causes(e))
                    .anyMatch(c -> c instanceof SSLException)
                    .anyMatch(c -> String.valueOf(c.getMessage()).contains("certificate")));
    assertThat(cluster.workers().list()).isEmpty();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.add(c);
    }
    return all;
  }

  @Test
  void aNewWorkerIsRegisteredDisabledAndGetsNoTaskUntilEnabled() {
    TestWorker worker = cluster.newWorker("w1");
    AgentHeartbeatReply reply = worker.heartbeat();
    assertThat(reply.enabled()).isFalse();
    assertThat(reply.message()).contains("sluice workers enable " + reply.workerId());
    long execution = cluster.startExecution(0);

    assertThat(worker.poll(1, 300).tasks()).isEmpty();
    assertThat(cluster.taskStatus(execution)).isEqualTo("QUEUED");

    cluster.workers().enable(reply.workerId().toString());
    assertThat(worker.heartbeat().enabled()).isTrue();
    PollReply poll = worker.poll(1, 5_000);

    assertThat(poll.tasks()).hasSize(1);
    TaskAssignment task = poll.tasks().get(0);
    assertThat(task.executionId()).isEqualTo(execution);
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.leaseMillis()).isEqualTo(10_000);
    assertThat(task.packageName()).isEqualTo("Load");
    assertThat(task.projectArchive()).isNotEmpty();
    assertThat(task.parameters()).extracting(p -> p.name()).contains("LOGGING_LEVEL");
    assertThat(cluster.executionStatus(execution)).isEqualTo(2);
    assertThat(cluster.catalog().executions().get(execution).workerAgentId())
        .isEqualTo(reply.workerId());
  }

  @Test
  void aNewWorkerWhoseDisplayNameDoesNotShowAsItselfIsNotRegistered() {
    TestWorker worker = cluster.newWorker("w1");
    TestWorker.Answer refused =
        worker.post(
            WorkerApi.HEARTBEAT,
            new AgentHeartbeat(
                "etl\u202E1-rekrow", "", List.of("gpu\u200B"), "host", 1, List.of()));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.error().error())
        .isEqualTo(
            "this worker's displayName 'etl<U+202E>1-rekrow' contains U+202E RIGHT-TO-LEFT"
                + " OVERRIDE, an invisible character that changes how the name is shown; this"
                + " worker's tag 'gpu<U+200B>' contains U+200B ZERO WIDTH SPACE, an invisible"
                + " character that lets the name pass for another");
    assertThat(refused.error().hint()).contains("worker.yaml");
    assertThat(cluster.workers().list()).isEmpty();

    // The same certificate with names that show as themselves registers.
    assertThat(worker.heartbeat().workerId()).isNotNull();
    assertThat(cluster.workers().list()).extracting(w -> w.displayName()).containsExactly("w1");
  }

  @Test
  void aTargetedExecutionGoesOnlyToItsNamedWorker() {
    TestWorker a = cluster.enabledWorker("a");
    TestWorker b = cluster.enabledWorker("b");
    long execution = cluster.startExecution(0, b.id);

    assertThat(a.poll(2, 300).tasks()).isEmpty();
    List<TaskAssignment> tasks = b.poll(2, 1_000).tasks();

    assertThat(tasks).extracting(TaskAssignment::executionId).containsExactly(execution);
  }

  @Test
  void aTaggedExecutionGoesOnlyToAWorkerThatHasAllItsTags() {
    TestWorker untagged = cluster.enabledWorker("untagged"); // registers with tag "test" only
    TestWorker etlOnly = cluster.enabledWorker("etl-only");
    TestWorker full = cluster.enabledWorker("full");
    cluster.workers().set(etlOnly.id.toString(), new WorkerChanges(null, null, List.of("etl")));
    cluster
        .workers()
        .set(full.id.toString(), new WorkerChanges(null, null, List.of("linux", "etl", "ssd")));
    long execution =
        cluster
            .catalog()
            .executions()
            .create(
                CreateExecution.of("F", "P", "Load")
                    .inScaleOut(true)
                    .withWorkerTags(List.of("etl", "linux")));
    cluster.catalog().executions().start(execution, 0);
    assertThat(cluster.catalog().executions().get(execution).requiredWorkerTags())
        .containsExactly("etl", "linux");

    assertThat(untagged.poll(2, 300).tasks()).isEmpty();
    assertThat(etlOnly.poll(2, 300).tasks()).as("one of two tags is not enough").isEmpty();
    assertThat(full.poll(2, 1_000).tasks())
        .extracting(TaskAssignment::executionId)
        .containsExactly(execution);
  }

  @Test
  void workerTagsAreRefusedForAnExecutionThatDoesNotRunInScaleOut() {
    assertThatThrownBy(
            () ->
                cluster
                    .catalog()
                    .executions()
                    .create(
                        CreateExecution.of("F", "P", "Load")
                            .inScaleOut(false)
                            .withWorkerTags(List.of("etl"))))
        .hasMessageContaining("does not run in Scale Out");
  }

  @Test
  void aResultCarryingItsFinalBatchStoresItOnceAndEndsTheExecution() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(0);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);
    assertThat(w.events(task.taskId(), batch(1, 1, "one")).status()).isEqualTo(200);

    TaskResult wrongBatch =
        new TaskResult(1, TaskResult.Outcome.SUCCEEDED, 0, 2, null)
            .withFinalBatch(batch(1, 3, "x"));
    assertThat(w.post(WorkerApi.forTask(WorkerApi.TASK_RESULT, task.taskId()), wrongBatch).status())
        .isEqualTo(400);

    TaskResult done =
        new TaskResult(1, TaskResult.Outcome.SUCCEEDED, 0, 2, null)
            .withFinalBatch(batch(1, 2, "two"));
    assertThat(w.result(task.taskId(), done).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(w.result(task.taskId(), done).verdict()).as("a repeat").isEqualTo(Verdict.ACCEPTED);

    assertThat(messagesOf(execution)).containsExactly("one", "two");
    assertThat(cluster.executionStatus(execution)).isEqualTo(7);
    assertThat(cluster.taskStatus(execution)).isEqualTo("ENDED");
  }

  @Test
  void concurrentPollsNeverGetTheSameTask() throws Exception {
    List<TestWorker> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(cluster.enabledWorker("w" + i));
    }
    int count = 30;
    for (int i = 0; i < count; i++) {
      cluster.startExecution(0);
    }
    List<Long> handedOut = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<?>> polls = new ArrayList<>();
      for (TestWorker w : workers) {
        polls.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 10; round++) {
                    w.poll(3, 50).tasks().forEach(t -> handedOut.add(t.taskId()));
                  }
                }));
      }
      for (Future<?> poll : polls) {
        poll.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(handedOut).hasSize(count);
    assertThat(new HashSet<>(handedOut)).hasSize(count);
  }

  @Test
  void aLostLeaseIsRequeuedAndTheOldAttemptIsToldToAbort() {
    TestWorker a = cluster.enabledWorker("a");
    TestWorker b = cluster.enabledWorker("b");
    long execution = cluster.startExecution(2);
    TaskAssignment first = a.poll(1, 1_000).tasks().get(0);
    assertThat(a.taskHeartbeat(first.taskId(), 1).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(cluster.catalog().executions().get(execution).workerName()).isEqualTo("a");

    cluster.expireLease(execution);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> cluster.taskStatus(execution).equals("QUEUED"));
    assertThat(cluster.executionStatus(execution)).isEqualTo(5);
    // waiting for its retry, it is on no worker: not still on the one that lost it
    assertThat(cluster.catalog().executions().get(execution).workerAgentId()).isNull();
    assertThat(cluster.catalog().executions().get(execution).workerName()).isNull();
    assertThat(messagesOf(execution))
        .anyMatch(m -> m.contains("attempt 1 of 3 was lost on worker a") && m.contains("retrying"));

    TaskAssignment second = b.poll(1, 1_000).tasks().get(0);
    assertThat(second.taskId()).isEqualTo(first.taskId());
    assertThat(second.attempt()).isEqualTo(2);

    assertThat(a.taskHeartbeat(first.taskId(), 1).verdict()).isEqualTo(Verdict.ABORT);
    assertThat(a.events(first.taskId(), batch(1, 1, "late")).as(Acknowledgement.class).verdict())
        .isEqualTo(Verdict.ABORT);
    assertThat(
            a.result(first.taskId(), new TaskResult(1, TaskResult.Outcome.SUCCEEDED, 0, 0, null))
                .verdict())
        .isEqualTo(Verdict.ABORT);
    assertThat(a.heartbeat(new RunningAttempt(first.taskId(), 1)).abort())
        .containsExactly(new RunningAttempt(first.taskId(), 1));
    assertThat(messagesOf(execution)).doesNotContain("late");
    assertThat(cluster.executionStatus(execution)).isEqualTo(2);

    assertThat(b.taskHeartbeat(second.taskId(), 2).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(
            b.result(second.taskId(), new TaskResult(2, TaskResult.Outcome.SUCCEEDED, 0, 0, null))
                .verdict())
        .isEqualTo(Verdict.ACCEPTED);
    assertThat(cluster.executionStatus(execution)).isEqualTo(7);
    assertThat(cluster.catalog().executions().get(execution).workerName()).isEqualTo("b");
  }

  @Test
  void aRepeatedEventBatchIsStoredOnceAndAGapIsRefused() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(0);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);

    assertThat(w.events(task.taskId(), batch(1, 1, "one", "two")).status()).isEqualTo(200);
    TestWorker.Answer repeat = w.events(task.taskId(), batch(1, 1, "one", "two"));
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.as(Acknowledgement.class).verdict()).isEqualTo(Verdict.ACCEPTED);
    TestWorker.Answer gap = w.events(task.taskId(), batch(1, 3, "four"));
    assertThat(gap.status()).isEqualTo(409);
    assertThat(gap.error().hint()).contains("starting with 2");
    assertThat(w.events(task.taskId(), batch(1, 2, "three")).status()).isEqualTo(200);

    assertThat(messagesOf(execution)).containsExactly("one", "two", "three");

    // A result that overtook batch 4 waits for it; repeated after success it is still ACCEPTED.
    TaskResult done = new TaskResult(1, TaskResult.Outcome.SUCCEEDED, 0, 3, null);
    assertThat(w.post(WorkerApi.forTask(WorkerApi.TASK_RESULT, task.taskId()), done).status())
        .isEqualTo(409);
    assertThat(w.events(task.taskId(), batch(1, 3, "four")).status()).isEqualTo(200);
    assertThat(w.result(task.taskId(), done).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(w.result(task.taskId(), done).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(cluster.executionStatus(execution)).isEqualTo(7);
    assertThat(cluster.taskStatus(execution)).isEqualTo("ENDED");
  }

  @Test
  void stopSendsStopToTheWorkerAndItsCanceledResultEndsTheExecutionCanceled() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(3);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);

    cluster.catalog().executions().stop(execution);
    assertThat(cluster.executionStatus(execution)).isEqualTo(8);
    assertThat(w.taskHeartbeat(task.taskId(), 1).verdict()).isEqualTo(Verdict.STOP);
    assertThat(
            w.result(task.taskId(), new TaskResult(1, TaskResult.Outcome.CANCELED, 0, 0, "stop"))
                .verdict())
        .isEqualTo(Verdict.ACCEPTED);

    assertThat(cluster.executionStatus(execution)).isEqualTo(3);
    assertThat(cluster.taskStatus(execution)).isEqualTo("ENDED");
  }

  @Test
  void aQueuedTaskIsCanceledAtOnceWhenStopped() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(0);

    cluster.catalog().executions().stop(execution);

    assertThat(cluster.executionStatus(execution)).isEqualTo(3);
    assertThat(w.poll(1, 200).tasks()).isEmpty();
  }

  @Test
  void aFailedAttemptIsRetriedAndALostLastAttemptEndsTheExecutionUnexpectedly() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(1);
    TaskAssignment first = w.poll(1, 1_000).tasks().get(0);

    w.result(first.taskId(), new TaskResult(1, TaskResult.Outcome.FAILED, 1, 0, "boom"));
    assertThat(cluster.executionStatus(execution)).isEqualTo(5);
    assertThat(messagesOf(execution))
        .anyMatch(m -> m.contains("attempt 1 of 2 failed on worker w") && m.contains("boom"));

    TaskAssignment second = w.poll(1, 1_000).tasks().get(0);
    assertThat(second.attempt()).isEqualTo(2);
    cluster.expireLease(execution);
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.executionStatus(execution) == 6);

    assertThat(cluster.taskStatus(execution)).isEqualTo("ENDED");
    assertThat(messagesOf(execution)).anyMatch(m -> m.contains("no attempts left"));
    assertThat(w.taskHeartbeat(second.taskId(), 2).verdict()).isEqualTo(Verdict.ABORT);
  }

  @Test
  void aFailedLastAttemptEndsTheExecutionFailed() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(0);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);

    w.result(task.taskId(), new TaskResult(1, TaskResult.Outcome.FAILED, 1, 0, "boom"));

    assertThat(cluster.executionStatus(execution)).isEqualTo(4);
  }

  @Test
  void aQueuedTaskWakesAWaitingPollWithinMilliseconds() throws Exception {
    TestWorker w = cluster.enabledWorker("w");
    // Warm up once (class loading, JIT): the figure below is the steady state.
    cluster.startExecution(0);
    assertThat(w.poll(1, 1_000).tasks()).hasSize(1);
    CompletableFuture<PollReply> waiting = CompletableFuture.supplyAsync(() -> w.poll(1, 20_000));
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.master.waitingPolls() == 1);

    long started = System.nanoTime();
    long execution = cluster.startExecution(0);
    long committed = System.nanoTime();
    PollReply reply = waiting.get();
    long answered = System.nanoTime();
    long millis = (answered - started) / 1_000_000;

    assertThat(reply.tasks()).extracting(TaskAssignment::executionId).containsExactly(execution);
    System.out.printf(
        "dispatch latency: create+start %d ms, start committed -> poll answered %d ms%n",
        (committed - started) / 1_000_000, (answered - committed) / 1_000_000);
    // The dispatcher's fallback re-check runs every 2 s: only the notification is this fast.
    assertThat(millis).isLessThan(1_000);
    assertThat((answered - committed) / 1_000_000).isLessThan(300);
  }

  @Test
  void malformedOrUnknownRequestsAreAnswered400WithoutAStackTrace() throws Exception {
    TestWorker w = cluster.newWorker("w");
    w.heartbeat();

    TestWorker.Answer notJson = w.postRaw(WorkerApi.POLL, "{not json");
    TestWorker.Answer unknownField =
        w.postRaw(WorkerApi.POLL, "{\"freeSlots\":1,\"waitMillis\":1,\"extra\":true}");
    TestWorker.Answer badTask = w.postRaw("/api/worker/v1/tasks/abc/heartbeat", "{\"attempt\":1}");

    assertThat(List.of(notJson, unknownField, badTask))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(400);
              assertThat(a.error().error()).isNotBlank();
              assertThat(a.error().hint()).isNotBlank();
              assertThat(a.body()).doesNotContain("at io.").doesNotContain("Exception");
            });
    assertThat(unknownField.error().error()).contains("unknown field 'extra'");
    assertThat(badTask.error().error()).contains("'abc' is not a task id");
  }
}
