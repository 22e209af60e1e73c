package io.sluice.engine.runtime.task.filesystem;

import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;

/**
 * File System: copy, move, rename or delete a file or a folder, delete a folder's content, or
 * create a folder. Paths are written directly ({@code source}, {@code destination}), computed by
 * property expressions, or taken from file connections ({@code sourceConnection}, {@code
 * destinationConnection}).
 */
public final class FileSystemTaskType implements TaskType {

  @Override
  public String name() {
    return "FileSystem";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String name = settings.oneOf("operation", null, FileOperation.NAMES.toArray(new String[0]));
    FileOperation operation = name == null ? null : FileOperation.fromName(name);
    if (operation == null && !settings.has("operation")) {
      settings.problem("'operation' is required: one of " + String.join(", ", FileOperation.NAMES));
    }
    Endpoint source = endpoint(settings, "source");
    Endpoint destination = endpoint(settings, "destination");
    boolean overwrite = settings.bool("overwrite", false);
    if (operation != null) {
      if (source == null) {
        settings.problem(operation.ssisName() + " needs 'source' (or 'sourceConnection')");
      }
      if (operation.needsDestination() && destination == null) {
        settings.problem(
            operation.ssisName() + " needs 'destination' (or 'destinationConnection')");
      }
      if (!operation.needsDestination() && destination != null) {
        settings.problem(operation.ssisName() + " takes no destination");
      }
    }
    return new FileSystemTask(operation, source, destination, overwrite);
  }

  private static Endpoint endpoint(TaskSettings settings, String key) {
    String path = settings.string(key);
    String connection = settings.string(key + "Connection");
    if (path != null && connection != null) {
      settings.problem("give '" + key + "' or '" + key + "Connection', not both");
    }
    if (connection != null) {
      return new Endpoint(null, settings.connection(connection, "file"));
    }
    return path == null ? null : new Endpoint(path, null);
  }

  /** A path written in the task or the name of a file connection that holds it. */
  record Endpoint(String path, String connection) {}
}
