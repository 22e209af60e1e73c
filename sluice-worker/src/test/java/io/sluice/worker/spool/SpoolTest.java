package io.sluice.worker.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;

  private static List<EventBatch.Event> events(String... messages) {
    List<EventBatch.Event> list = new ArrayList<>();
    for (String m : messages) {
      list.add(new EventBatch.Event(1L, 70, "p", "p", "\\p", null, m, 0, 1L));
    }
    return list;
  }

  private static EventBatch append(AttemptSpool spool, String... messages) {
    return spool.append(events(messages), List.of(), List.of());
  }

  @Test
  void batchesAreNumberedFromOneAndSentInOrderThenTheResult() {
    AttemptSpool spool = SpoolFolder.open(dir).create(new RunningAttempt(5, 2), 105);
    assertThat(append(spool, "a").sequence()).isEqualTo(1);
    assertThat(append(spool, "b").sequence()).isEqualTo(2);
    assertThat(append(spool, "c").sequence()).isEqualTo(3);
    assertThat(spool.next()).isInstanceOf(EventBatch.class);
    assertThat(((EventBatch) spool.next()).attempt()).isEqualTo(2);

    TaskResult result = spool.finish(TaskResult.Outcome.SUCCEEDED, 0, null);
    assertThat(result.lastSequence()).isEqualTo(3);

    List<Long> sent = new ArrayList<>();
    Object next;
    while ((next = spool.next()) instanceof EventBatch batch) {
      sent.add(batch.sequence());
      spool.acknowledged(batch.sequence());
    }
    assertThat(sent).containsExactly(1L, 2L, 3L);
    assertThat(next).isEqualTo(result);
    spool.resultAcknowledged();
    assertThat(spool.isDone()).isTrue();
    assertThat(Files.exists(spool.file())).as("a delivered attempt leaves no file").isFalse();
  }

  @Test
  void theSpoolSettlesOnlyWhenAMasterTookTheResultOrItIsDropped() {
    // The worker renews an attempt's lease until its spool settles (TaskDispatcher).
    AttemptSpool delivered = SpoolFolder.open(dir).create(new RunningAttempt(6, 1), 106);
    append(delivered, "a");
    delivered.finish(TaskResult.Outcome.SUCCEEDED, 0, null);
    delivered.acknowledged(1);
    assertThat(delivered.settled()).as("result written, not yet taken").isNotDone();
    delivered.resultAcknowledged();
    assertThat(delivered.settled()).isDone();

    AttemptSpool dropped = SpoolFolder.open(dir).create(new RunningAttempt(7, 1), 107);
    append(dropped, "a");
    assertThat(dropped.settled()).isNotDone();
    dropped.discard();
    assertThat(dropped.settled()).isDone();
  }

  @Test
  void aRepeatedOrStaleAcknowledgementDoesNotSkipABatch() {
    AttemptSpool spool = SpoolFolder.open(dir).create(new RunningAttempt(5, 1), 105);
    append(spool, "a");
    append(spool, "b");
    spool.acknowledged(1);
    spool.acknowledged(1);
    spool.acknowledged(3);
    assertThat(((EventBatch) spool.next()).sequence()).isEqualTo(2);
  }

  @Test
  void afterARestartUndeliveredBatchesComeBackInOrderWithTheirNumbers() {
    SpoolFolder folder = SpoolFolder.open(dir);
    AttemptSpool running = folder.create(new RunningAttempt(8, 1), 108);
    append(running, "a");
    append(running, "b");
    append(running, "c");
    running.acknowledged(1); // the master took batch 1 before the worker died

    AttemptSpool finished = folder.create(new RunningAttempt(9, 3), 109);
    append(finished, "x");
    finished.finish(TaskResult.Outcome.FAILED, 2, "boom");

    AttemptSpool delivered = folder.create(new RunningAttempt(10, 1), 110);
    delivered.finish(TaskResult.Outcome.SUCCEEDED, 0, null);
    delivered.resultAcknowledged();

    // "Restart": a new folder object reads what is on disk.
    List<AttemptSpool> recovered = SpoolFolder.open(dir).recover();

    assertThat(recovered)
        .extracting(AttemptSpool::attempt)
        .containsExactlyInAnyOrder(new RunningAttempt(8, 1), new RunningAttempt(9, 3));
    AttemptSpool eight =
        recovered.stream().filter(s -> s.attempt().taskId() == 8).findFirst().orElseThrow();
    assertThat(eight.executionId()).isEqualTo(108);
    List<Object> items = drain(eight);
    assertThat(items).hasSize(3);
    assertThat(((EventBatch) items.get(0)).sequence()).isEqualTo(2);
    assertThat(((EventBatch) items.get(0)).events().get(0).message()).isEqualTo("b");
    assertThat(((EventBatch) items.get(1)).sequence()).isEqualTo(3);
    TaskResult cutShort = (TaskResult) items.get(2);
    assertThat(cutShort.outcome()).isEqualTo(TaskResult.Outcome.FAILED);
    assertThat(cutShort.lastSequence()).isEqualTo(3);
    assertThat(cutShort.message()).contains("worker stopped");

    AttemptSpool nine =
        recovered.stream().filter(s -> s.attempt().taskId() == 9).findFirst().orElseThrow();
    List<Object> nineItems = drain(nine);
    assertThat(((TaskResult) nineItems.get(1)).message()).isEqualTo("boom");

    assertThat(SpoolFolder.open(dir).recover()).as("delivered once, not again").isEmpty();
  }

  @Test
  void aPartialLastLineFromACrashIsDroppedAndTheFileStaysReadable() throws Exception {
    SpoolFolder folder = SpoolFolder.open(dir);
    AttemptSpool spool = folder.create(new RunningAttempt(3, 1), 103);
    append(spool, "a");
    Files.writeString(
        spool.file(),
        "{\"kind\":\"BATCH\",\"batch\":{\"attem",
        java.nio.file.StandardOpenOption.APPEND);

    AttemptSpool recovered = SpoolFolder.open(dir).recover().get(0);
    List<Object> items = drain(recovered);
    assertThat(items).hasSize(2);
    assertThat(((TaskResult) items.get(1)).lastSequence()).isEqualTo(1);
  }

  @Test
  void aDiskFullIsReportedWithTheFileAndWhatToDo() throws Exception {
    SpoolFolder folder = SpoolFolder.open(dir);
    RunningAttempt attempt = new RunningAttempt(4, 1);
    // /dev/full answers every write with ENOSPC, exactly as a full disk does.
    Files.createSymbolicLink(dir.resolve("task-4-attempt-1.spool"), Path.of("/dev/full"));

    assertThatThrownBy(() -> folder.create(attempt, 104))
        .isInstanceOf(SpoolWriteException.class)
        .hasMessageContaining("task-4-attempt-1.spool")
        .hasMessageContaining("No space left on device")
        .satisfies(
            e -> assertThat(((SpoolWriteException) e).hint()).contains("executionLogCacheFolder"));
  }

  @Test
  void aFolderThatIsAFileIsRefusedAtOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThatThrownBy(() -> SpoolFolder.open(file))
        .isInstanceOf(SpoolWriteException.class)
        .hasMessageContaining("is a file, not a folder")
        .satisfies(
            e -> assertThat(((SpoolWriteException) e).hint()).contains("executionLogCacheFolder"));
    assertThatThrownBy(() -> SpoolFolder.open(file.resolve("below")))
        .isInstanceOf(SpoolWriteException.class)
        .hasMessageContaining("cannot create the execution log cache folder");
  }

  private static List<Object> drain(AttemptSpool spool) {
    List<Object> items = new ArrayList<>();
    Object next;
    while ((next = spool.next()) != null) {
      items.add(next);
      if (next instanceof EventBatch b) {
        spool.acknowledged(b.sequence());
      } else {
        spool.resultAcknowledged();
      }
    }
    return items;
  }
}
