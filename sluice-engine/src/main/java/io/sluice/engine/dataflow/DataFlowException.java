package io.sluice.engine.dataflow;

/**
 * A data flow that cannot be planned or that failed while running. The message names the package,
 * the task (with file:line:column when known), the component and the cause.
 */
public final class DataFlowException extends RuntimeException {

  public DataFlowException(String message) {
    super(message);
  }

  public DataFlowException(String message, Throwable cause) {
    super(message, cause);
  }
}
