package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.CancellationCheck;
import java.util.concurrent.atomic.AtomicReference;

/** Shared by a run's threads: whether it must stop, and the first failure. */
final class RunState {

  record Failure(String component, Throwable cause) {}

  private final CancellationCheck cancellation;
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private volatile boolean cancelled;

  RunState(CancellationCheck cancellation) {
    this.cancellation = cancellation;
  }

  boolean stopping() {
    if (!cancelled && failure.get() == null && cancellation.isCancelled()) {
      cancelled = true;
    }
    return cancelled || failure.get() != null;
  }

  /** Records a failure; only the first one counts, later ones are its consequences. */
  boolean fail(String component, Throwable cause) {
    return !cancelled && failure.compareAndSet(null, new Failure(component, cause));
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled && failure.get() == null;
  }

  Failure failure() {
    return failure.get();
  }
}
