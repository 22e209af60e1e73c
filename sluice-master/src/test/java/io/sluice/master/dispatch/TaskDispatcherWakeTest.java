package io.sluice.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.protocol.worker.PollReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queued task wakes only as many waiting workers as it takes: the re-check is an hour here, so
 * every hand-out below comes from the notification alone, and every claim is counted.
 */
class TaskDispatcherWakeTest {

  @TempDir Path tmp;

  private CatalogUnderTest under;
  private Catalog catalog;
  private TaskDispatcher dispatcher;
  private final AtomicInteger claims = new AtomicInteger();
  private UUID first;
  private UUID second;

  /** Counts every claim, empty ones too. */
  private static final class CountingClaims extends TaskAssigner {
    private final AtomicInteger claims;

    CountingClaims(Jdbi jdbi, AtomicInteger claims) {
      super(jdbi, Duration.ofSeconds(30));
      this.claims = claims;
    }

    @Override
    public List<Assigned> assign(UUID workerId, int slots) {
      claims.incrementAndGet();
      return super.assign(workerId, slots);
    }
  }

  @BeforeEach
  void setUp() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("F", "");
    catalog.projects().deploy("F", TestProjects.project("P").withPackage("Load", "").pack(tmp));
    CatalogRows rows = new CatalogRows(under.jdbi());
    first = rows.worker("first");
    second = rows.worker("second");
    under.jdbi().useHandle(h -> h.execute("update worker_agent set enabled = true"));
    dispatcher =
        new TaskDispatcher(
            new CountingClaims(under.jdbi(), claims),
            new AssignmentBuilder(
                catalog.executions(), under.context(), Duration.ofSeconds(30), Duration.ofHours(1)),
            Duration.ofHours(1),
            failed -> {},
            undelivered -> {});
  }

  @AfterEach
  void tearDown() {
    dispatcher.close();
  }

  private long queue(CreateExecution request) {
    long executionId = catalog.executions().create(request);
    catalog.executions().start(executionId, 0);
    return under
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select task_id from scale_out_task where execution_id = :id")
                    .bind("id", executionId)
                    .mapTo(long.class)
                    .one());
  }

  /** A poll from a worker that stays connected; its answer completes the future. */
  private CompletableFuture<PollReply> poll(UUID worker) {
    CompletableFuture<PollReply> answer = new CompletableFuture<>();
    dispatcher.poll(
        worker,
        1,
        Duration.ofSeconds(30),
        new PollClient() {
          @Override
          public boolean connected() {
            return true;
          }

          @Override
          public boolean deliver(PollReply reply) {
            return answer.complete(reply);
          }
        });
    return answer;
  }

  /** Polls of both workers are waiting (each tried once on arrival, finding nothing). */
  private List<CompletableFuture<PollReply>> bothWaiting() throws InterruptedException {
    CompletableFuture<PollReply> firstPoll = poll(first);
    CompletableFuture<PollReply> secondPoll = poll(second);
    while (claims.get() < 2) {
      Thread.sleep(10);
    }
    Thread.sleep(100); // both arrival claims have returned
    claims.set(0);
    return List.of(firstPoll, secondPoll);
  }

  @Test
  void aQueuedTaskCostsOneClaimNotOnePerWaitingWorker() throws Exception {
    List<CompletableFuture<PollReply>> polls = bothWaiting();
    long taskId = queue(CreateExecution.of("F", "P", "Load").inScaleOut(true));

    dispatcher.notified(List.of(String.valueOf(taskId)));

    PollReply reply = polls.get(0).get(10, TimeUnit.SECONDS);
    assertThat(reply.tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.taskId()).isEqualTo(taskId));
    Thread.sleep(300); // room for a needless claim to show
    assertThat(claims).as("only the first waiting worker was asked").hasValue(1);
    assertThat(polls.get(1)).isNotDone();
  }

  @Test
  void aTaskTheFirstWorkerMayNotRunIsPassedOnToTheNext() throws Exception {
    List<CompletableFuture<PollReply>> polls = bothWaiting();
    long taskId =
        queue(CreateExecution.of("F", "P", "Load").inScaleOut(true).withWorkerTags(List.of("gpu")));
    under
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update worker_agent set tags = array['gpu'] where worker_agent_id = :id")
                    .bind("id", second)
                    .execute());

    dispatcher.notified(List.of(String.valueOf(taskId)));

    PollReply reply = polls.get(1).get(10, TimeUnit.SECONDS);
    assertThat(reply.tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.taskId()).isEqualTo(taskId));
    assertThat(claims).as("the first worker found nothing, the second got it").hasValue(2);
    assertThat(polls.get(0)).isNotDone();
  }

  @Test
  void anythingButTaskIdsWakesEveryWaitingWorker() throws Exception {
    bothWaiting();

    dispatcher.notified(List.of()); // notifications may have been missed

    while (claims.get() < 2) {
      Thread.sleep(10);
    }
    assertThat(claims).hasValue(2);
  }
}
