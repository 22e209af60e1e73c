package io.sluice.engine.plugin;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.runtime.task.TaskType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Task and connection types that ship inside Sluice, written on the public SDK, from a module of
 * their own that brings its own library (sluice-mail's Send Mail task and SMTP connection, ...). A
 * module lists one implementation in {@code
 * META-INF/services/io.sluice.engine.plugin.BuiltInPlugins}.
 *
 * <p>Unlike a project's plugins these are Sluice's own code on Sluice's class path, so they are
 * loaded wherever Sluice runs, masters and the CLI included: the project parser checks their
 * settings from their {@link io.sluice.api.settings.SettingsSchema} as it checks any built-in type
 * (a project plugin cannot take their names), and every run (and every project plugin task) can use
 * their connection types.
 */
public interface BuiltInPlugins {

  /** Task types, adapted like a project's {@link TaskPlugin}s. */
  default List<TaskPlugin> tasks() {
    return List.of();
  }

  /** Connection types, written as a connection manager's {@code type:}. */
  default List<ConnectionPlugin> connections() {
    return List.of();
  }

  /** Every built-in SDK task type, as the control flow's task types. */
  static List<TaskType> taskTypes() {
    return Loaded.TASK_TYPES;
  }

  /** Every built-in SDK task plugin, for the project parser's settings tables. */
  static List<TaskPlugin> taskPlugins() {
    return Loaded.TASKS;
  }

  /** Every built-in SDK connection type by lower-case name. */
  static Map<String, ConnectionPlugin> connectionPlugins() {
    return Loaded.CONNECTIONS;
  }

  /** Loaded once per process: plugins are stateless and serve every run. */
  final class Loaded {
    private static final List<TaskPlugin> TASKS = new ArrayList<>();
    private static final Map<String, ConnectionPlugin> CONNECTIONS = new LinkedHashMap<>();
    private static final List<TaskType> TASK_TYPES;

    static {
      for (BuiltInPlugins module :
          ServiceLoader.load(BuiltInPlugins.class, BuiltInPlugins.class.getClassLoader())) {
        TASKS.addAll(module.tasks());
        for (ConnectionPlugin c : module.connections()) {
          CONNECTIONS.put(c.name().toLowerCase(Locale.ROOT), c);
        }
      }
      List<TaskType> types = new ArrayList<>();
      for (TaskPlugin t : TASKS) {
        types.add(new PluginTaskType(t, Map.copyOf(CONNECTIONS)));
      }
      TASK_TYPES = List.copyOf(types);
    }

    private Loaded() {}
  }
}
