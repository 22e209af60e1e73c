package io.sluice.engine.project;

import java.util.List;
import java.util.Map;

/**
 * One package: its parameters, variables, connection managers, and the control flow (tasks with
 * their precedence constraints and event handlers).
 *
 * @param entryPoint whether the package may be executed on its own (SSIS's entry-point flag);
 *     packages that only run through Execute Package set it false
 * @param properties package-level settings such as {@code maxConcurrentExecutables}, as written
 */
public record PackageDefinition(
    String name,
    String description,
    boolean entryPoint,
    List<ParameterDefinition> parameters,
    List<VariableDefinition> variables,
    List<ConnectionDefinition> connections,
    List<TaskDefinition> tasks,
    Map<String, List<TaskDefinition>> eventHandlers,
    Map<String, Object> properties,
    SourceLocation location) {

  public PackageDefinition withVariables(List<VariableDefinition> variables) {
    return copy(variables, connections, tasks, properties);
  }

  public PackageDefinition withConnections(List<ConnectionDefinition> connections) {
    return copy(variables, connections, tasks, properties);
  }

  public PackageDefinition withTasks(List<TaskDefinition> tasks) {
    return copy(variables, connections, tasks, properties);
  }

  public PackageDefinition withProperties(Map<String, Object> properties) {
    return copy(variables, connections, tasks, properties);
  }

  private PackageDefinition copy(
      List<VariableDefinition> variables,
      List<ConnectionDefinition> connections,
      List<TaskDefinition> tasks,
      Map<String, Object> properties) {
    return new PackageDefinition(
        name,
        description,
        entryPoint,
        parameters,
        variables,
        connections,
        tasks,
        eventHandlers,
        properties,
        location);
  }
}
