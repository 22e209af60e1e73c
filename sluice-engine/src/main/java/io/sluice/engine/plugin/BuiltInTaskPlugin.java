package io.sluice.engine.plugin;

import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;

/**
 * A task type that ships inside Sluice but is written on the SDK ({@link TaskPlugin}), as the
 * Script task of sluice-script is: a subclass with a public no-argument constructor registers in
 * {@code META-INF/services/io.sluice.engine.runtime.task.TaskType} like every built-in, and runs
 * through the same adapter as a project's plugins (settings, interruption, masking).
 */
public abstract class BuiltInTaskPlugin implements TaskType {

  private final PluginTaskType type;

  protected BuiltInTaskPlugin(TaskPlugin plugin) {
    this.type = new PluginTaskType(plugin, BuiltInPlugins.connectionPlugins());
  }

  @Override
  public final String name() {
    return type.name();
  }

  @Override
  public final Task prepare(TaskSettings settings) {
    return type.prepare(settings);
  }
}
