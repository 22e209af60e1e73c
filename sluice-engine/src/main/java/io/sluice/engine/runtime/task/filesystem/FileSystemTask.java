package io.sluice.engine.runtime.task.filesystem;

import io.sluice.api.task.TaskContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One run of a File System task, with the settings as the execution has them. */
final class FileSystemTask {

  private final FileOperation operation;
  private final boolean overwrite;

  FileSystemTask(FileOperation operation, boolean overwrite) {
    this.operation = operation;
    this.overwrite = overwrite;
  }

  void execute(TaskContext context) throws IOException {
    Path from = resolve(context, "source");
    Path to = operation.needsDestination() ? resolve(context, "destination") : null;
    switch (operation) {
      case COPY_FILE -> copyFile(from, target(from, to));
      case MOVE_FILE, RENAME_FILE -> move(requireFile(from), target(from, to));
      case DELETE_FILE -> Files.delete(requireFile(from));
      case COPY_DIRECTORY -> copyDirectory(requireDirectory(from), to);
      case MOVE_DIRECTORY -> move(requireDirectory(from), to);
      case DELETE_DIRECTORY -> deleteTree(requireDirectory(from), true);
      case DELETE_DIRECTORY_CONTENT -> deleteTree(requireDirectory(from), false);
      case CREATE_DIRECTORY -> createDirectory(from);
    }
    context
        .events()
        .information(operation.ssisName() + " " + from + (to == null ? "" : " -> " + to) + " done");
  }

  /**
   * The path written in the task ({@code key}) or held by its file connection ({@code
   * keyConnection}).
   */
  private static Path resolve(TaskContext context, String key) {
    String connection = context.settings().text(key + "Connection");
    if (connection != null) {
      return context.connections().path(connection);
    }
    String path = context.settings().text(key);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("the path is empty");
    }
    return Path.of(path);
  }

  /** Copying or moving a file into an existing folder keeps its name, as SSIS does. */
  private static Path target(Path from, Path to) {
    return Files.isDirectory(to) ? to.resolve(from.getFileName()) : to;
  }

  private void copyFile(Path from, Path to) throws IOException {
    requireFile(from);
    checkOverwrite(to);
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private void move(Path from, Path to) throws IOException {
    checkOverwrite(to);
    if (Files.isDirectory(to)) {
      deleteTree(to, true);
    }
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private void copyDirectory(Path from, Path to) throws IOException {
    checkOverwrite(to);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir) && !overwrite) {
      // SSIS's UseDirectoryIfExists: an existing folder is fine only when asked for
      throw new FileAlreadyExistsException(
          dir.toString(), null, "the folder exists; set overwrite: true to use it as is");
    }
    Files.createDirectories(dir);
  }

  private void checkOverwrite(Path to) throws FileAlreadyExistsException {
    if (Files.exists(to) && !overwrite) {
      throw new FileAlreadyExistsException(
          to.toString(), null, "the destination exists; set overwrite: true to replace it");
    }
  }

  private static void deleteTree(Path dir, boolean includingDir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      if (includingDir || !p.equals(dir)) {
        Files.delete(p);
      }
    }
  }

  private static Path requireFile(Path p) throws NoSuchFileException {
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(p.toString(), null, "the file does not exist");
    }
    return p;
  }

  private static Path requireDirectory(Path p) throws NoSuchFileException {
    if (!Files.isDirectory(p)) {
      throw new NoSuchFileException(p.toString(), null, "the folder does not exist");
    }
    return p;
  }
}
