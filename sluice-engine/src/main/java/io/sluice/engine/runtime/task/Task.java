package io.sluice.engine.runtime.task;

/** A task whose settings have been checked, ready to run. */
@FunctionalInterface
public interface Task {

  /**
   * Runs the task once. Returning normally is success (unless the task raised as many errors as its
   * maximum error count); throwing is failure, and the exception's message becomes the Error event.
   * Long work must watch {@link TaskContext#cancellation()}.
   */
  void execute(TaskContext context) throws Exception;
}
