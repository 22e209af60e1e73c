package io.sluice.worker.task;

import io.sluice.protocol.worker.TaskResult;

/** Why the worker canceled a package, and what the attempt's result then says. */
public enum StopReason {
  /** An operator stopped the execution (verdict STOP): reported CANCELED, as SSIS's 3. */
  STOP_REQUESTED(TaskResult.Outcome.CANCELED, true),
  /** The attempt is no longer this worker's (verdict ABORT): no result is reported at all. */
  ABORTED(null, false),
  /** No lease renewal in time: reported FAILED (if a master still takes it), retried elsewhere. */
  LEASE_LOST(TaskResult.Outcome.FAILED, false),
  /** The task ran longer than its maximum run time: FAILED. */
  TIMED_OUT(TaskResult.Outcome.FAILED, true),
  /** The worker shut down before the package finished in its grace period: FAILED, retryable. */
  SHUTDOWN(TaskResult.Outcome.FAILED, true),
  /** The worker was closed at once (no grace period): FAILED, and everything is killed. */
  WORKER_CLOSED(TaskResult.Outcome.FAILED, false),
  /** Its logs could not be written to the execution log cache: FAILED. */
  LOG_FAILURE(TaskResult.Outcome.FAILED, true);

  private final TaskResult.Outcome outcome;
  private final boolean graceful;

  StopReason(TaskResult.Outcome outcome, boolean graceful) {
    this.outcome = outcome;
    this.graceful = graceful;
  }

  /** The outcome reported for a package canceled for this reason; null: report nothing. */
  public TaskResult.Outcome outcome() {
    return outcome;
  }

  /**
   * False when the package's threads are also interrupted at once, rather than only asked to stop
   * (the lease is gone or the attempt is not ours: nothing may keep running).
   */
  public boolean graceful() {
    return graceful;
  }
}
