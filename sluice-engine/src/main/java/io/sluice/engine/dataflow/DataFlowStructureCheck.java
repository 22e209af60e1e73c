package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.plugin.PluginComponentType;
import io.sluice.engine.project.PluginSchemas;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploy-time validation of DataFlow tasks by the rules the planner itself applies ({@link
 * DataFlowStructure}); registered for the project parser in META-INF/services.
 */
public final class DataFlowStructureCheck implements StructureCheck {

  @Override
  public Kind kind() {
    return Kind.TASK;
  }

  @Override
  public String type() {
    return "DataFlow";
  }

  @Override
  public Set<String> settings() {
    return DataFlowStructure.TASK_SETTINGS;
  }

  /** Property expressions give single values, never the components list: nothing to skip. */
  @Override
  public List<Finding> check(Map<String, Object> settings, Set<String> setByExpression) {
    return DataFlowStructure.read(settings, ComponentRegistry.standard()).problems().stream()
        .map(DataFlowStructureCheck::finding)
        .toList();
  }

  /** With the data flow's plugin components, known from their descriptors only. */
  @Override
  public List<Finding> check(
      Map<String, Object> settings, Set<String> setByExpression, PluginSchemas plugins) {
    ComponentRegistry registry = ComponentRegistry.standard();
    for (PluginSchemas.Type type : plugins.types(PluginSchemas.Kind.COMPONENT)) {
      if (registry.find(type.name()).isEmpty()) { // a built-in type wins, as where it runs
        registry = registry.with(PluginComponentType.described(type));
      }
    }
    return DataFlowStructure.read(settings, registry).problems().stream()
        .map(DataFlowStructureCheck::finding)
        .toList();
  }

  /** What component types place themselves, such as a Script Component's compile errors. */
  @Override
  public List<Problem> problems(
      Map<String, Object> settings, Set<String> setByExpression, Written written) {
    List<Problem> problems = new ArrayList<>();
    ComponentRegistry registry = ComponentRegistry.standard();
    for (ComponentSpecs.Read r :
        ComponentSpecs.read(new Settings(settings, ""), new ArrayList<>())) {
      Written item = written.item(DataFlowStructure.COMPONENTS, r.position());
      if (item != null) {
        registry
            .find(r.spec().type())
            .ifPresent(t -> problems.addAll(t.problems(r.spec().settings().asMap(), item)));
      }
    }
    return problems;
  }

  @Override
  public List<WrittenExpression> expressions(Map<String, Object> settings) {
    return DataFlowStructure.expressions(settings, ComponentRegistry.standard()).stream()
        .map(
            e ->
                new WrittenExpression(
                    DataFlowStructure.COMPONENTS,
                    e.position(),
                    e.path(),
                    e.text(),
                    "item "
                        + e.path().get(1)
                        + " of '"
                        + e.path().get(0)
                        + "' of component '"
                        + e.component()
                        + "' ("
                        + e.type()
                        + ")"))
        .toList();
  }

  private static Finding finding(DataFlowStructure.Problem p) {
    if (p.position() == 0) {
      return Finding.ofSettings(p.message());
    }
    String component =
        p.component() == null ? "" : "component '" + p.component() + "' (" + p.type() + "): ";
    return new Finding(
        DataFlowStructure.COMPONENTS, p.position(), p.path(), component + p.message());
  }
}
