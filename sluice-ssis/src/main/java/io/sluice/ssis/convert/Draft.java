package io.sluice.ssis.convert;

import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.project.TaskDefinition.Constraint;
import io.sluice.engine.project.TaskDefinition.ConstraintMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task while its container is converted: its precedence constraints are only known once all tasks
 * of the container are, since SSIS writes them after the executables.
 */
final class Draft {
  String refId;
  String path;
  String name;
  String type;
  String description;
  boolean disabled;
  final List<Constraint> after = new ArrayList<>();
  ConstraintMode afterMode = ConstraintMode.ALL;
  List<TaskDefinition> tasks = List.of();
  Map<String, List<TaskDefinition>> eventHandlers = Map.of();
  final Map<String, String> expressions = new LinkedHashMap<>();
  final Map<String, Object> properties = new LinkedHashMap<>();
  SourceLocation location;

  TaskDefinition build() {
    return new TaskDefinition(
        name,
        type,
        description,
        disabled,
        List.copyOf(after),
        afterMode,
        tasks,
        eventHandlers,
        new LinkedHashMap<>(expressions),
        new LinkedHashMap<>(properties),
        location);
  }
}
