package io.sluice.engine.dataflow;

/** Asked between buffers whether the run should stop; must be cheap and thread-safe. */
@FunctionalInterface
public interface CancellationCheck {

  boolean isCancelled();

  static CancellationCheck never() {
    return () -> false;
  }
}
