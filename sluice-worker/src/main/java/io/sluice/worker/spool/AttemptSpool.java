package io.sluice.worker.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The events and result of one task attempt on their way to a master. Each batch gets the next
 * sequence number (1, 2, 3...) the moment it is written, and is forced to disk before the call
 * returns, so the numbering survives a crash and a master can store each batch exactly once. The
 * result follows the last batch and names it ({@link TaskResult#lastSequence()}). When the master
 * has taken the result, the file is deleted.
 *
 * <p>If the disk cannot be written (full, read-only), what could not be written stays in memory and
 * is still delivered while the worker runs; the write throws {@link SpoolWriteException} so the
 * task can stop instead of producing logs that a crash would lose.
 */
public final class AttemptSpool {

  private final Path file;
  private final RunningAttempt attempt;
  private final long executionId;
  private final long createdMillis;
  private final ObjectMapper json;
  private FileChannel channel; // null once closed, or when the file could not be opened
  private final Deque<EventBatch> unacknowledged = new ArrayDeque<>();
  private long lastSequence;
  private TaskResult result;
  private boolean done;
  private final CompletableFuture<Void> settled = new CompletableFuture<>();
  private int refusals;
  private long writtenBytes; // end of the last complete line

  AttemptSpool(
      Path file,
      RunningAttempt attempt,
      long executionId,
      long createdMillis,
      ObjectMapper json,
      FileChannel channel) {
    this.file = file;
    this.attempt = attempt;
    this.executionId = executionId;
    this.createdMillis = createdMillis;
    this.json = json;
    this.channel = channel;
    this.writtenBytes = position(channel);
  }

  private static long position(FileChannel channel) {
    try {
      return channel == null ? 0 : channel.position();
    } catch (IOException e) {
      return 0;
    }
  }

  public RunningAttempt attempt() {
    return attempt;
  }

  public long executionId() {
    return executionId;
  }

  public long createdMillis() {
    return createdMillis;
  }

  public Path file() {
    return file;
  }

  /**
   * Numbers, writes and forces one batch; returns it with its sequence.
   *
   * @throws SpoolWriteException the disk refused it (the batch is still queued in memory)
   */
  public synchronized EventBatch append(
      List<EventBatch.Event> events,
      List<EventBatch.ExecutableStatistic> executables,
      List<EventBatch.PathStatistic> paths) {
    if (result != null) {
      throw new IllegalStateException("attempt " + attempt + " already has its result");
    }
    EventBatch batch =
        new EventBatch(attempt.attempt(), ++lastSequence, events, executables, paths);
    unacknowledged.addLast(batch);
    write(SpoolRecord.batch(batch), true);
    return batch;
  }

  /** Records the attempt's outcome after its last batch; nothing can be appended afterwards. */
  public synchronized TaskResult finish(
      TaskResult.Outcome outcome, int errorCount, String message) {
    if (result == null) {
      result = new TaskResult(attempt.attempt(), outcome, errorCount, lastSequence, message);
      write(SpoolRecord.result(result), true);
    }
    return result;
  }

  /** The batch or result to send next, in order; null when nothing is ready or all is done. */
  public synchronized Object next() {
    if (done) {
      return null;
    }
    if (!unacknowledged.isEmpty()) {
      return unacknowledged.peekFirst();
    }
    return result;
  }

  /**
   * The result, when {@code batch} is the last thing before it (the attempt's final batch and the
   * result is written): both can then go to the master in one request. Null otherwise.
   */
  public synchronized TaskResult resultAfter(EventBatch batch) {
    if (result == null
        || done
        || unacknowledged.size() != 1
        || unacknowledged.peekFirst().sequence() != batch.sequence()
        || result.lastSequence() != batch.sequence()) {
      return null;
    }
    return result;
  }

  /** A master took batch {@code sequence}: it is never sent again. */
  public synchronized void acknowledged(long sequence) {
    EventBatch head = unacknowledged.peekFirst();
    if (head != null && head.sequence() == sequence) {
      unacknowledged.removeFirst();
      refusals = 0;
      // Not forced: losing an ACK line in a crash only means the batch is sent again, and the
      // master stores a repeated sequence once.
      quietly(SpoolRecord.ack(sequence));
    }
  }

  /** A master took the result: the attempt is delivered and its file goes away. */
  public synchronized void resultAcknowledged() {
    quietly(SpoolRecord.resultAck());
    discard();
  }

  /** Drops everything still queued (the attempt was aborted, or its logs expired). */
  public synchronized void discard() {
    done = true;
    settled.complete(null);
    unacknowledged.clear();
    close();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next start finds it acknowledged or re-sends it: the master dedupes
    }
  }

  /** How many times in a row a master refused the item at the head; reset by an ACK. */
  synchronized int refused() {
    return ++refusals;
  }

  /** Drops the head item after repeated refusals. */
  synchronized void dropHead() {
    refusals = 0;
    if (!unacknowledged.isEmpty()) {
      acknowledged(unacknowledged.peekFirst().sequence());
    } else if (result != null) {
      resultAcknowledged();
    }
  }

  /**
   * Completes once nothing is left to deliver: a master took the result, or the spool was dropped.
   */
  public CompletableFuture<Void> settled() {
    return settled;
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** True once the attempt ended (its result is written). */
  public synchronized boolean hasResult() {
    return result != null;
  }

  /** Batches still to be taken by a master. */
  public synchronized int unacknowledgedBatches() {
    return unacknowledged.size();
  }

  public synchronized long lastSequence() {
    return lastSequence;
  }

  // --- recovery (SpoolFolder) ---

  synchronized void restore(SpoolRecord record) {
    switch (record.kind()) {
      case BATCH -> {
        unacknowledged.addLast(record.batch());
        lastSequence = Math.max(lastSequence, record.batch().sequence());
      }
      case ACK -> unacknowledged.removeIf(b -> b.sequence() == record.sequence());
      case RESULT -> result = record.result();
      case RESULT_ACK -> done = true;
      case HEADER -> {}
    }
  }

  private void write(SpoolRecord record, boolean force) {
    if (channel == null) {
      return; // closed, or a spool kept in memory because its file could not be created
    }
    try {
      byte[] line = json.writeValueAsBytes(record);
      try {
        writeLine(line, force);
      } catch (ClosedByInterruptException interrupted) {
        // A package being killed interrupts its threads, and an interrupt closes a FileChannel
        // under the writing thread. The spool must outlive that: reopen, cut any half-written
        // line, and write again.
        boolean wasInterrupted = Thread.interrupted();
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(writtenBytes);
        channel.position(writtenBytes);
        writeLine(line, force);
        if (wasInterrupted) {
          Thread.currentThread().interrupt();
        }
      }
    } catch (IOException e) {
      throw new SpoolWriteException(
          "cannot write the execution log cache file "
              + file
              + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage()),
          "free disk space in "
              + file.getParent()
              + ", or point executionLogCacheFolder at a writable disk with room",
          e);
    }
  }

  private void writeLine(byte[] line, boolean force) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    if (force) {
      channel.force(false);
    }
    writtenBytes = channel.position();
  }

  private void quietly(SpoolRecord record) {
    if (channel != null) {
      try {
        write(record, false);
      } catch (SpoolWriteException e) {
        // an ACK that is not written only means a repeat the master dedupes
      }
    }
  }

  private void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more will be written
      }
      channel = null;
    }
  }

  @Override
  public String toString() {
    return "spool of task " + attempt.taskId() + " attempt " + attempt.attempt();
  }
}
