package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.context.Cancellation;
import io.sluice.api.context.Events;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingType;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskContext;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * A {@link TaskPlugin} as the control flow's {@link TaskType}: reads exactly the settings the
 * plugin's schema declares through {@link TaskSettings} (so a misspelt one is reported as for any
 * built-in task), then lets the plugin check and run.
 */
final class PluginTaskType implements TaskType {

  private final TaskPlugin plugin;
  private final List<Setting> schema;
  private final Set<String> declared = new LinkedHashSet<>();
  private final Map<String, ConnectionPlugin> connectionTypes;

  PluginTaskType(TaskPlugin plugin, Map<String, ConnectionPlugin> connectionTypes) {
    this.plugin = plugin;
    this.schema = plugin.settings().settings();
    schema.forEach(s -> declared.add(s.name()));
    this.connectionTypes = connectionTypes;
  }

  @Override
  public String name() {
    return plugin.name();
  }

  @Override
  public Task prepare(TaskSettings settings) {
    SettingValues values = read(settings);
    PluginTask task;
    try {
      task =
          plugin.prepare(
              new TaskSetup() {
                @Override
                public String taskName() {
                  return settings.taskName();
                }

                @Override
                public SettingValues settings() {
                  return values;
                }

                @Override
                public boolean hasVariable(String name) {
                  return new TaskVariables(settings.variables()).exists(name);
                }

                @Override
                public Set<String> connectionNames() {
                  return settings.connections().names();
                }

                @Override
                public void problem(String message) {
                  settings.problem(message);
                }
              });
    } catch (PluginException e) {
      settings.problem(Plugins.message(e));
      return context -> {};
    }
    return context -> run(task, values, context);
  }

  private void run(PluginTask task, SettingValues values, TaskContext context) throws Exception {
    TaskVariables variables = new TaskVariables(context.variables());
    try (PluginConnections connections =
        new PluginConnections(context.connections(), context.variables(), connectionTypes)) {
      TaskResult result;
      // A plugin may block anywhere (a socket, a sleep, a queue): a stopped execution interrupts
      // its thread, as SSIS stops a script, besides what cancellation().check() tells it.
      Thread thread = Thread.currentThread();
      try (CancellationToken.Registration r = context.cancellation().onCancel(thread::interrupt)) {
        result = task.execute(new Context(context, values, variables, connections));
      } catch (PluginException e) {
        throw new PluginFailure(Plugins.message(e), e);
      } catch (InterruptedException e) {
        if (context.cancellation().isCancelled()) {
          throw new CancellationException("the execution was stopped");
        }
        throw e;
      } finally {
        if (context.cancellation().isCancelled()) {
          Thread.interrupted(); // the interrupt was for the plugin, not for the engine's thread
        }
      }
      if (result == TaskResult.FAILURE) {
        throw new PluginFailure(
            "the " + plugin.name() + " task reported its result as Failure", null);
      }
    }
  }

  /** The settings of the schema, typed and checked; every other key stays unread (unknown). */
  private SettingValues read(TaskSettings settings) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting s : schema) {
      String name = s.name();
      Object value =
          switch (s.type()) {
            case TEXT -> settings.string(name);
            case INTEGER -> integer(settings, name);
            case BOOLEAN -> settings.has(name) ? settings.bool(name, false) : null;
            case CHOICE -> settings.oneOf(name, null, s.allowedValues().toArray(String[]::new));
            case LIST -> settings.has(name) ? settings.list(name) : null;
            case MAPPING -> settings.has(name) ? settings.map(name) : null;
            case CONNECTION ->
                settings.connection(settings.string(name), s.connectionType().split("\\|"));
          };
      // a value that is there but wrong was reported by its reader already
      if (value == null && s.isRequired() && !settings.has(name)) {
        settings.problem(
            "'"
                + name
                + "' is required"
                + (s.type() == SettingType.CHOICE
                    ? ": one of " + String.join(", ", s.allowedValues())
                    : ""));
      }
      if (value != null) {
        values.put(name, value);
      }
    }
    return new PluginSettingValues(values, declared);
  }

  private static Long integer(TaskSettings settings, String name) {
    String text = settings.string(name);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      settings.problem("'" + name + "' must be a whole number, not '" + text + "'");
      return null;
    }
  }

  /** A plugin task's failure: its own message, without a stack trace of the engine. */
  static final class PluginFailure extends Exception {
    private static final long serialVersionUID = 1L;

    PluginFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final class Context implements io.sluice.api.task.TaskContext {
    private final TaskContext context;
    private final SettingValues settings;
    private final TaskVariables variables;
    private final PluginConnections connections;

    Context(
        TaskContext context,
        SettingValues settings,
        TaskVariables variables,
        PluginConnections connections) {
      this.context = context;
      this.settings = settings;
      this.variables = variables;
      this.connections = connections;
    }

    @Override
    public String packageName() {
      return context.packageName();
    }

    @Override
    public String taskName() {
      return context.taskName();
    }

    @Override
    public String executionPath() {
      return context.executionPath();
    }

    @Override
    public SettingValues settings() {
      return settings;
    }

    @Override
    public io.sluice.api.context.Variables variables() {
      return variables;
    }

    @Override
    public io.sluice.api.context.Connections connections() {
      return connections;
    }

    @Override
    public Events events() {
      return new Events() {
        @Override
        public void information(String message) {
          context.information(message);
        }

        @Override
        public void warning(String message) {
          context.warning(message);
        }

        @Override
        public void error(String message) {
          context.error(message);
        }

        @Override
        public void progress(String message) {
          context.progress(message);
        }
      };
    }

    @Override
    public Cancellation cancellation() {
      return new Cancellation() {
        @Override
        public boolean isCancelled() {
          return context.cancellation().isCancelled();
        }

        @Override
        public void check() {
          if (isCancelled()) {
            throw new CancellationException("the execution was stopped");
          }
        }
      };
    }

    @Override
    public Clock clock() {
      return context.clock();
    }

    @Override
    public byte[] projectFile(String path) {
      return context.projectFiles().get(path);
    }
  }
}
