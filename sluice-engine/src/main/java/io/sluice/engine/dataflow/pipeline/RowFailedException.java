package io.sluice.engine.dataflow.pipeline;

/** A row failed in a component whose error disposition is FAIL: the data flow stops. */
public final class RowFailedException extends RuntimeException {

  public RowFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
