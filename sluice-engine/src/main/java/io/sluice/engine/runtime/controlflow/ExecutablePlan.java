package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.expression.Assignment;
import io.sluice.engine.runtime.expression.CompiledExpression;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskType;
import java.util.List;
import java.util.Map;

/**
 * An executable after validation: its settings checked, its expressions compiled, its task
 * prepared. Built once per run by {@link PlanBuilder}; runs of it (loop iterations) share it.
 */
final class ExecutablePlan {

  enum Kind {
    PACKAGE,
    TASK,
    SEQUENCE,
    FOR_LOOP,
    FOREACH_LOOP
  }

  final String name;
  final Kind kind;
  final boolean disabled;
  final SourceLocation location;
  final ExecutableOptions options;

  /** The precedence constraints of this executable, with their compiled expressions (or null). */
  List<TaskDefinition.Constraint> after = List.of();

  List<CompiledExpression> constraintExpressions = List.of();
  TaskDefinition.ConstraintMode afterMode = TaskDefinition.ConstraintMode.ALL;

  /** The expression of {@code disabled}, evaluated each time the executable would run; or null. */
  CompiledExpression disabledWhen;

  /** Property name to compiled expression, evaluated before each run. */
  Map<String, CompiledExpression> propertyExpressions = Map.of();

  /** The settings as written (tasks and Foreach enumerators read them again at run time). */
  Map<String, Object> properties = Map.of();

  List<ExecutablePlan> children = List.of();
  Map<String, List<ExecutablePlan>> handlers = Map.of();

  TaskType taskType;
  Task task;

  Assignment forInit;
  CompiledExpression forEval;
  Assignment forAssign;

  /** Package only: the package's own setting, or 0 for the default. */
  int maxConcurrentExecutables;

  ExecutablePlan(
      String name,
      Kind kind,
      boolean disabled,
      SourceLocation location,
      ExecutableOptions options) {
    this.name = name;
    this.kind = kind;
    this.disabled = disabled;
    this.location = location;
    this.options = options;
  }

  boolean isContainer() {
    return kind != Kind.TASK;
  }
}
