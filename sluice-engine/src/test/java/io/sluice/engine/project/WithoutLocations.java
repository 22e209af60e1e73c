package io.sluice.engine.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A project model with every source location removed, to compare models read from two texts. */
final class WithoutLocations {

  private WithoutLocations() {}

  static Project of(Project p) {
    return new Project(
        p.name(),
        p.description(),
        p.parameters(),
        p.connections().stream().map(WithoutLocations::connection).toList(),
        p.packages().stream().map(WithoutLocations::pkg).toList());
  }

  private static PackageDefinition pkg(PackageDefinition p) {
    return new PackageDefinition(
        p.name(),
        p.description(),
        p.entryPoint(),
        p.parameters(),
        p.variables().stream().map(WithoutLocations::variable).toList(),
        p.connections().stream().map(WithoutLocations::connection).toList(),
        tasks(p.tasks()),
        handlers(p.eventHandlers()),
        p.properties(),
        null);
  }

  private static VariableDefinition variable(VariableDefinition v) {
    return new VariableDefinition(
        v.namespace(),
        v.name(),
        v.type(),
        v.value(),
        v.expression(),
        v.readOnly(),
        v.raiseChangedEvent(),
        v.description(),
        null);
  }

  private static ConnectionDefinition connection(ConnectionDefinition c) {
    return new ConnectionDefinition(
        c.name(), c.type(), c.description(), c.properties(), c.expressions(), null);
  }

  private static List<TaskDefinition> tasks(List<TaskDefinition> tasks) {
    return tasks.stream().map(WithoutLocations::task).toList();
  }

  private static TaskDefinition task(TaskDefinition t) {
    return new TaskDefinition(
        t.name(),
        t.type(),
        t.description(),
        t.disabled(),
        t.after().stream()
            .map(c -> new TaskDefinition.Constraint(c.task(), c.on(), c.expression(), null))
            .toList(),
        t.afterMode(),
        tasks(t.tasks()),
        handlers(t.eventHandlers()),
        t.expressions(),
        t.properties(),
        null);
  }

  private static Map<String, List<TaskDefinition>> handlers(
      Map<String, List<TaskDefinition>> handlers) {
    Map<String, List<TaskDefinition>> result = new LinkedHashMap<>();
    handlers.forEach((event, tasks) -> result.put(event, tasks(tasks)));
    return result;
  }
}
