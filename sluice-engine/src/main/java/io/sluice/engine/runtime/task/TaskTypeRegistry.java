package io.sluice.engine.runtime.task;

import io.sluice.engine.dataflow.ComponentRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The task types a run can use, by name. */
public final class TaskTypeRegistry {

  private final Map<String, TaskType> types = new ConcurrentHashMap<>();

  /**
   * The built-in task types: plugins that ship inside, found like a project's plugins with {@link
   * ServiceLoader} ({@code META-INF/services/io.sluice.engine.runtime.task.TaskType} of
   * sluice-engine), so adding one never edits this class.
   */
  public static TaskTypeRegistry standard() {
    TaskTypeRegistry registry = new TaskTypeRegistry();
    BuiltIn.TYPES.forEach(registry::register);
    return registry;
  }

  /** Loaded once: the types are stateless and shared by every run. */
  private static final class BuiltIn {
    static final List<TaskType> TYPES = load();

    private static List<TaskType> load() {
      List<TaskType> types = new ArrayList<>();
      ServiceLoader.load(TaskType.class, TaskType.class.getClassLoader()).forEach(types::add);
      // SDK task types of Sluice's own modules (sluice-mail ...), through the plugins' adapter
      types.addAll(io.sluice.engine.plugin.BuiltInPlugins.taskTypes());
      if (types.stream().noneMatch(t -> t.name().equals("DataFlow"))) {
        throw new IllegalStateException(
            "the built-in task types are not registered; the jar lacks META-INF/services/"
                + TaskType.class.getName());
      }
      return List.copyOf(types);
    }
  }

  /** Adds or replaces a type. */
  public TaskTypeRegistry register(TaskType type) {
    types.put(type.name().toLowerCase(Locale.ROOT), type);
    return this;
  }

  /** A registry of the same types, to extend without changing this one. */
  public TaskTypeRegistry copy() {
    TaskTypeRegistry copy = new TaskTypeRegistry();
    copy.types.putAll(types);
    return copy;
  }

  /**
   * Replaces the DataFlow task type with one whose components {@code extension} extends (a run's
   * plugin components).
   */
  public TaskTypeRegistry extendComponents(UnaryOperator<ComponentRegistry> extension) {
    TaskType dataFlow = types.get("dataflow");
    if (dataFlow instanceof io.sluice.engine.runtime.task.dataflow.DataFlowTaskType flow) {
      register(
          new io.sluice.engine.runtime.task.dataflow.DataFlowTaskType(
              extension.apply(flow.components())));
    }
    return this;
  }

  public Optional<TaskType> find(String name) {
    return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }
}
