package io.sluice.engine.runtime.task;

import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.runtime.task.dataflow.DataFlowTaskType;
import io.sluice.engine.runtime.task.executepackage.ExecutePackageTaskType;
import io.sluice.engine.runtime.task.expression.ExpressionTaskType;
import io.sluice.engine.runtime.task.filesystem.FileSystemTaskType;
import io.sluice.engine.runtime.task.process.ExecuteProcessTaskType;
import io.sluice.engine.runtime.task.sql.ExecuteSqlTaskType;
import io.sluice.engine.runtime.task.unsupported.UnsupportedTaskType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The task types a run can use, by name. */
public final class TaskTypeRegistry {

  private final Map<String, TaskType> types = new ConcurrentHashMap<>();

  /** The built-in task types. */
  public static TaskTypeRegistry standard() {
    TaskTypeRegistry registry = new TaskTypeRegistry();
    registry.register(new ExecuteSqlTaskType());
    registry.register(new ExecuteProcessTaskType());
    registry.register(new FileSystemTaskType());
    registry.register(new ExecutePackageTaskType());
    registry.register(new ExpressionTaskType());
    registry.register(new DataFlowTaskType());
    registry.register(new UnsupportedTaskType());
    return registry;
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
    if (dataFlow instanceof DataFlowTaskType flow) {
      register(new DataFlowTaskType(extension.apply(flow.components())));
    }
    return this;
  }

  public Optional<TaskType> find(String name) {
    return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }
}
