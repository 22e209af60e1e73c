package io.sluice.worker.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.worker.client.MasterUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender against a transport that records what a master would receive. */
class SpoolSenderTest {

  @TempDir Path dir;

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<RunningAttempt> aborted = new CopyOnWriteArrayList<>();
  private final AtomicBoolean masterDown = new AtomicBoolean();
  private volatile Verdict verdict = Verdict.ACCEPTED;

  private SpoolSender sender() {
    return new SpoolSender(
        new SpoolSender.Transport() {
          @Override
          public Acknowledgement events(long taskId, EventBatch batch, Duration giveUpAfter) {
            if (masterDown.get()) {
              throw new MasterUnavailableException("down", null);
            }
            received.add(taskId + ":" + batch.sequence());
            return new Acknowledgement(verdict);
          }

          @Override
          public Acknowledgement result(long taskId, TaskResult result, Duration giveUpAfter) {
            if (masterDown.get()) {
              throw new MasterUnavailableException("down", null);
            }
            if (result.finalBatch() != null) {
              received.add(taskId + ":" + result.finalBatch().sequence());
            }
            received.add(taskId + ":result@" + result.lastSequence());
            return new Acknowledgement(verdict);
          }
        },
        new SpoolSender.Verdicts() {
          @Override
          public void stopRequested(RunningAttempt attempt) {}

          @Override
          public void aborted(RunningAttempt attempt) {
            aborted.add(attempt);
          }
        },
        3,
        Duration.ofDays(7));
  }

  private static void batch(AttemptSpool spool) {
    spool.append(
        List.of(new EventBatch.Event(1L, 70, "p", "p", "\\p", null, "m", 0, 1L)),
        List.of(),
        List.of());
  }

  @Test
  void whileNoMasterAnswersEverythingWaitsThenArrivesInOrderOnce() throws Exception {
    SpoolFolder folder = SpoolFolder.open(dir);
    AttemptSpool one = folder.create(new RunningAttempt(1, 1), 11);
    AttemptSpool two = folder.create(new RunningAttempt(2, 1), 12);
    masterDown.set(true);
    try (SpoolSender sender = sender()) {
      sender.start();
      sender.add(one);
      sender.add(two);
      for (int i = 0; i < 3; i++) {
        batch(one);
        batch(two);
        sender.wake();
      }
      one.finish(TaskResult.Outcome.SUCCEEDED, 0, null);
      two.finish(TaskResult.Outcome.FAILED, 1, "x");
      Thread.sleep(300);
      assertThat(received).isEmpty();

      masterDown.set(false);
      sender.wake();
      assertThat(sender.awaitDelivered(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(received.stream().filter(r -> r.startsWith("1:")))
        .containsExactly("1:1", "1:2", "1:3", "1:result@3");
    assertThat(received.stream().filter(r -> r.startsWith("2:")))
        .containsExactly("2:1", "2:2", "2:3", "2:result@3");
    assertThat(folder.recover()).isEmpty();
  }

  @Test
  void anAbortVerdictDropsTheAttemptsLogsAndTellsTheTask() throws Exception {
    AttemptSpool spool = SpoolFolder.open(dir).create(new RunningAttempt(3, 2), 13);
    batch(spool);
    batch(spool);
    verdict = Verdict.ABORT;
    try (SpoolSender sender = sender()) {
      sender.start();
      sender.add(spool);
      await().atMost(Duration.ofSeconds(5)).until(spool::isDone);
    }
    assertThat(received).containsExactly("3:1");
    assertThat(aborted).containsExactly(new RunningAttempt(3, 2));
  }
}
