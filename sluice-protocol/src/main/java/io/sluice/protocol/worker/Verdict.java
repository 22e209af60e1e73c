package io.sluice.protocol.worker;

/** What a master says about a worker's report on an attempt. */
public enum Verdict {
  /** Taken (or already had: a repeated batch is stored once). Carry on. */
  ACCEPTED,
  /** Taken, and an operator asked to stop the execution: cancel the package, then report. */
  STOP,
  /** The attempt is no longer current (expired and handed elsewhere, or the worker was removed). */
  ABORT
}
