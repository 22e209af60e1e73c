package io.sluice.engine.runtime.task;

/**
 * A kind of task (Execute SQL, Execute Process, Data Flow ...): the SPI through which the control
 * flow runs any task without knowing what it does. Implementations are stateless and shared by
 * every run; register them in a {@link TaskTypeRegistry}.
 */
public interface TaskType {

  /** The name written as {@code type:} in package files, e.g. {@code ExecuteSql}. */
  String name();

  /**
   * Reads and checks a task's settings and returns the task ready to run. Called once at validation
   * (before anything runs) with the design-time settings, and again before each execution when
   * property expressions changed them. Report every problem with {@link TaskSettings#problem}
   * rather than throwing, so the user sees them all at once; the returned task is not run when
   * there are problems.
   */
  Task prepare(TaskSettings settings);
}
