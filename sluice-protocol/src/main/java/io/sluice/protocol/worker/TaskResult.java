package io.sluice.protocol.worker;

/**
 * How an attempt ended, sent after its last event batch.
 *
 * @param lastSequence the sequence of the attempt's last event batch, so a master can tell a result
 *     that overtook its logs
 * @param finalBatch the attempt's last event batch (sequence {@code lastSequence}) when it had not
 *     been sent yet, or null: a short package's only batch and its result then cost one request
 *     instead of two. The master stores it by the same rules as a batch sent alone (exactly once,
 *     in order) before it applies the result, in the same transaction.
 */
public record TaskResult(
    int attempt,
    Outcome outcome,
    int errorCount,
    long lastSequence,
    String message,
    EventBatch finalBatch) {

  /** A result whose batches were all sent before it. */
  public TaskResult(
      int attempt, Outcome outcome, int errorCount, long lastSequence, String message) {
    this(attempt, outcome, errorCount, lastSequence, message, null);
  }

  /** The same result carrying its last batch. */
  public TaskResult withFinalBatch(EventBatch batch) {
    return new TaskResult(attempt, outcome, errorCount, lastSequence, message, batch);
  }

  /** The package's outcome on the worker. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    CANCELED
  }
}
