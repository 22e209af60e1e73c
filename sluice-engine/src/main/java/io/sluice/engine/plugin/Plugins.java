package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The plugin types of one run, found with {@link ServiceLoader} in the run's class loader (its
 * project's {@code lib/} jars and the worker's plugin folder, {@link
 * io.sluice.engine.runtime.library.ProjectLibraries}). This is the only place Sluice loads plugin
 * classes, and it runs only where packages run (a worker, {@code sluice run}); masters and the CLI
 * validate from descriptors ({@link io.sluice.engine.project.PluginSchemas}).
 */
public final class Plugins {

  private final List<TaskPlugin> tasks;
  private final List<ComponentPlugin> components;
  private final Map<String, ConnectionPlugin> connections;

  private Plugins(
      List<TaskPlugin> tasks,
      List<ComponentPlugin> components,
      Map<String, ConnectionPlugin> connections) {
    this.tasks = tasks;
    this.components = components;
    this.connections = connections;
  }

  /**
   * The plugins registered in {@code META-INF/services} of {@code loader}'s own jars (not its
   * parent's: Sluice's class path holds no plugins, and a plugin jar on it is not a project's).
   */
  public static Plugins load(ClassLoader loader) {
    List<TaskPlugin> tasks = own(TaskPlugin.class, loader);
    List<ComponentPlugin> components = own(ComponentPlugin.class, loader);
    // Sluice's own connection types first: a project's plugin cannot take a built-in's name (the
    // project parser reports it), and its tasks may use the built-in ones (an SMTP connection)
    Map<String, ConnectionPlugin> connections =
        new LinkedHashMap<>(BuiltInPlugins.connectionPlugins());
    for (ConnectionPlugin c : own(ConnectionPlugin.class, loader)) {
      connections.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
    }
    return new Plugins(tasks, components, connections);
  }

  private static <T> List<T> own(Class<T> type, ClassLoader loader) {
    List<T> found = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<T> p : ServiceLoader.load(type, loader).stream().toList()) {
        if (p.type().getClassLoader() == loader) {
          found.add(p.get());
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException(
          "a plugin of the project's lib/ jars cannot be loaded: " + e.getMessage(),
          "rebuild the plugin against sluice-api " + io.sluice.api.SluiceApi.VERSION);
    }
    return found;
  }

  public boolean isEmpty() {
    return tasks.isEmpty()
        && components.isEmpty()
        && connections.keySet().equals(BuiltInPlugins.connectionPlugins().keySet());
  }

  /** {@code base} with these task types and a DataFlow task that knows these components. */
  public TaskTypeRegistry extend(TaskTypeRegistry base) {
    if (isEmpty()) {
      return base;
    }
    TaskTypeRegistry registry = base.copy();
    for (TaskPlugin t : tasks) {
      if (base.find(t.name()).isEmpty()) { // a built-in type wins, as when the project is checked
        registry.register(new PluginTaskType(t, connections));
      }
    }
    if (!components.isEmpty()) {
      registry.extendComponents(this::extend);
    }
    return registry;
  }

  /** {@code base} with these components. */
  public ComponentRegistry extend(ComponentRegistry base) {
    ComponentRegistry registry = base;
    for (ComponentPlugin c : components) {
      if (base.find(c.name()).isEmpty()) {
        registry = registry.with(PluginComponentType.of(c));
      }
    }
    return registry;
  }

  /** A plugin's problem as one line: the message, then its hint. */
  static String message(PluginException e) {
    return e.hint() == null ? e.getMessage() : e.getMessage() + "; hint: " + e.hint();
  }
}
