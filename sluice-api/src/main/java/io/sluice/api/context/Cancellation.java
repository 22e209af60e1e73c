package io.sluice.api.context;

/** Whether the execution was stopped. Long work checks it; a stopped run also interrupts. */
public interface Cancellation {

  boolean isCancelled();

  /** Throws {@link java.util.concurrent.CancellationException} when the run was stopped. */
  void check();
}
