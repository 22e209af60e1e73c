package io.sluice.engine.dataflow;

/**
 * A data flow that cannot be planned or that failed while running. The message names the package,
 * the task (with file:line:column when known), the component and the cause.
 */
public final class DataFlowException extends RuntimeException {

  private final String withoutTask;

  public DataFlowException(String message) {
    this(message, (Throwable) null);
  }

  public DataFlowException(String message, Throwable cause) {
    super(message, cause);
    this.withoutTask = message;
  }

  /**
   * A problem of task {@code where} ("package 'p', task 't' (file:line:column)"): the message is
   * {@code where} then {@code problem}, joined by {@code joint} (": " or ", ").
   */
  DataFlowException(String where, String joint, String problem, Throwable cause) {
    super(where + joint + problem, cause);
    this.withoutTask = problem;
  }

  /**
   * The message without the package and task: for a caller whose own message names them already
   * (validation reports each problem under its task).
   */
  public String withoutTask() {
    return withoutTask;
  }
}
