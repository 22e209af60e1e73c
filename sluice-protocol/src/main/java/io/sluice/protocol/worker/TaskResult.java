package io.sluice.protocol.worker;

/**
 * How an attempt ended, sent after its last event batch.
 *
 * @param lastSequence the sequence of the attempt's last event batch, so a master can tell a result
 *     that overtook its logs
 */
public record TaskResult(
    int attempt, Outcome outcome, int errorCount, long lastSequence, String message) {

  /** The package's outcome on the worker. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    CANCELED
  }
}
