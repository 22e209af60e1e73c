package io.sluice.engine.runtime.task.filesystem;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;
import io.sluice.engine.plugin.BuiltInTaskPlugin;

/**
 * File System: copy, move, rename or delete a file or a folder, delete a folder's content, or
 * create a folder. Paths are written directly ({@code source}, {@code destination}), computed by
 * property expressions, or taken from file connections ({@code sourceConnection}, {@code
 * destinationConnection}).
 *
 * <p>Written on the public SDK ({@link TaskPlugin}) like a custom task, so a plugin author can read
 * a real built-in as an example: it needs nothing the SDK does not give.
 */
public final class FileSystemTaskType extends BuiltInTaskPlugin {

  public FileSystemTaskType() {
    super(new Plugin());
  }

  static final class Plugin implements TaskPlugin {

    @Override
    public String name() {
      return "FileSystem";
    }

    @Override
    public SettingsSchema settings() {
      return SettingsSchema.of(
          Setting.choice("operation", FileOperation.NAMES.toArray(new String[0]))
              .required()
              .describedAs("What to do (SSIS's Operation)"),
          Setting.text("source").describedAs("The file or folder the operation works on"),
          Setting.connection("sourceConnection", "file").describedAs("Or a file connection"),
          Setting.text("destination").describedAs("Where a copy, move or rename goes"),
          Setting.connection("destinationConnection", "file").describedAs("Or a file connection"),
          Setting.bool("overwrite")
              .describedAs("Replace an existing destination; create: use an existing folder"));
    }

    @Override
    public PluginTask prepare(TaskSetup setup) {
      SettingValues settings = setup.settings();
      String name = settings.text("operation");
      FileOperation operation = name == null ? null : FileOperation.fromName(name);
      boolean source = endpoint(setup, "source");
      boolean destination = endpoint(setup, "destination");
      if (operation != null) {
        if (!source) {
          setup.problem(operation.ssisName() + " needs 'source' (or 'sourceConnection')");
        }
        if (operation.needsDestination() && !destination) {
          setup.problem(operation.ssisName() + " needs 'destination' (or 'destinationConnection')");
        }
        if (!operation.needsDestination() && destination) {
          setup.problem(operation.ssisName() + " takes no destination");
        }
      }
      return context -> {
        new FileSystemTask(operation, context.settings().bool("overwrite", false)).execute(context);
        return TaskResult.SUCCESS;
      };
    }

    /** Whether the endpoint is given, reporting one given both ways. */
    private static boolean endpoint(TaskSetup setup, String key) {
      boolean path = setup.settings().has(key);
      boolean connection = setup.settings().has(key + "Connection");
      if (path && connection) {
        setup.problem("give '" + key + "' or '" + key + "Connection', not both");
      }
      return path || connection;
    }
  }
}
