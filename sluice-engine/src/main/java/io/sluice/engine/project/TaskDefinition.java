package io.sluice.engine.project;

import java.util.List;
import java.util.Map;

/**
 * A task or container of the control flow. Settings common to every executable have fields; the
 * type's own settings stay in {@code properties} as written (strings, numbers, booleans, lists and
 * maps) for the engine to interpret.
 *
 * @param after precedence constraints: the tasks this one waits for, and on which outcome
 * @param afterMode {@code ALL} (SSIS LogicalAnd) or {@code ANY}
 * @param tasks child executables of a container (Sequence, For Loop, Foreach Loop); else empty
 * @param expressions property expressions: property name to SSIS expression
 */
public record TaskDefinition(
    String name,
    String type,
    String description,
    boolean disabled,
    List<Constraint> after,
    ConstraintMode afterMode,
    List<TaskDefinition> tasks,
    Map<String, List<TaskDefinition>> eventHandlers,
    Map<String, String> expressions,
    Map<String, Object> properties,
    SourceLocation location) {

  public TaskDefinition withDisabled(boolean disabled) {
    return copy(disabled, tasks, properties);
  }

  public TaskDefinition withTasks(List<TaskDefinition> tasks) {
    return copy(disabled, tasks, properties);
  }

  public TaskDefinition withProperties(Map<String, Object> properties) {
    return copy(disabled, tasks, properties);
  }

  private TaskDefinition copy(
      boolean disabled, List<TaskDefinition> tasks, Map<String, Object> properties) {
    return new TaskDefinition(
        name,
        type,
        description,
        disabled,
        after,
        afterMode,
        tasks,
        eventHandlers,
        expressions,
        properties,
        location);
  }

  /** How a task's constraints combine. */
  public enum ConstraintMode {
    ALL,
    ANY
  }

  /** The outcome of the preceding task that lets the constraint pass. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    COMPLETION
  }

  /**
   * A precedence constraint on a preceding task of the same container.
   *
   * @param expression an optional SSIS expression that must also be true, or null
   */
  public record Constraint(String task, Outcome on, String expression, SourceLocation location) {}
}
