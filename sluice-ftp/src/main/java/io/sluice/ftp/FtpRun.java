package io.sluice.ftp;

import io.sluice.api.PluginException;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.task.TaskContext;
import io.sluice.api.task.TaskResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One execution of the Ftp task: resolves the local and remote paths (wildcards in the last part,
 * as SSIS allows them: {@code /in/*.csv}), checks what SSIS checks (the destination exists and
 * overwrite is off, nothing matches, a folder is missing) and does the operation. Every failure
 * names the operation, the path and the server, with a hint.
 */
final class FtpRun {

  private final TaskContext context;
  private final Operation operation;
  private final SettingValues settings;
  private final String connection;
  private final boolean overwrite;
  private final boolean ascii;
  private String server = "server";

  FtpRun(TaskContext context, Operation operation) {
    this.context = context;
    this.operation = operation;
    this.settings = context.settings();
    this.connection = settings.text("connection");
    this.overwrite = settings.bool("overwrite", false);
    this.ascii = settings.bool("asciiTransfer", false);
  }

  TaskResult run() throws IOException {
    switch (operation) {
      case DELETE_LOCAL, CREATE_LOCAL_DIRECTORY, REMOVE_LOCAL_DIRECTORY -> {
        try {
          switch (operation) {
            case DELETE_LOCAL -> deleteLocal();
            case CREATE_LOCAL_DIRECTORY -> createLocalDirectory();
            default -> removeLocalDirectory();
          }
        } catch (IOException e) {
          throw failure(Errors.describe(e), null);
        }
      }
      default -> {
        RemoteFiles remote;
        try {
          remote = context.connections().acquire(connection, RemoteFiles.class);
        } catch (PluginException e) {
          // the connection's own message names the server and the cause: add the operation and
          // which connection manager it was
          throw new PluginException(
              operation.word() + " failed (connection '" + connection + "'): " + e.getMessage(),
              e.hint(),
              e);
        }
        server = remote.describe();
        if (ascii && !remote.supportsAscii()) {
          context.events().warning("the " + server + " has no ASCII mode: files go as they are");
        }
        try {
          remoteOperation(remote);
        } catch (Stopped e) {
          context.cancellation().check(); // reported as stopped, not as failed
          throw e;
        } catch (RemoteNotFound e) {
          throw failure(
              e.getMessage(),
              "check the task's remotePath: paths are the server's, e.g. /in/*.csv");
        } catch (IOException e) {
          throw failure(Errors.describe(e), null);
        }
      }
    }
    return TaskResult.SUCCESS;
  }

  private void remoteOperation(RemoteFiles remote) throws IOException {
    String remotePath = settings.text("remotePath");
    switch (operation) {
      case SEND -> send(remote, remotePath);
      case RECEIVE -> receive(remote, remotePath);
      case DELETE_REMOTE -> {
        List<String> files = remoteFiles(remote, remotePath);
        for (String f : files) {
          context.cancellation().check();
          remote.delete(f);
        }
        context.events().information("deleted " + count(files) + " from the " + server);
      }
      case CREATE_REMOTE_DIRECTORY -> {
        if (!remote.isDirectory(remotePath)) {
          remote.createDirectory(remotePath);
        }
        context.events().information("created " + remotePath + " on the " + server);
      }
      case REMOVE_REMOTE_DIRECTORY -> {
        if (!remote.isDirectory(remotePath)) {
          throw new RemoteNotFound(remotePath, "the remote directory does not exist");
        }
        remote.removeDirectory(remotePath);
        context.events().information("removed " + remotePath + " from the " + server);
      }
      default -> throw new IllegalStateException(operation.word());
    }
  }

  /** SSIS's Send files: local files (a pattern allowed) into a remote directory. */
  private void send(RemoteFiles remote, String directory) throws IOException {
    List<Path> files = localFiles();
    Set<String> existing = new HashSet<>();
    for (RemoteFiles.Entry e : remote.list(directory)) {
      existing.add(e.name());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (existing.contains(name) && !overwrite) {
        throw failure(
            "the remote file " + join(directory, name) + " already exists",
            "set overwrite: true to replace it (SSIS's OverwriteFileAtDest)");
      }
    }
    int n = 0;
    for (Path file : files) {
      String target = join(directory, file.getFileName().toString());
      context.events().progress("sending " + file + " (" + ++n + " of " + files.size() + ")");
      try (InputStream in = new StoppableInput(Files.newInputStream(file), context)) {
        remote.upload(in, target, ascii);
      }
    }
    context.events().information("sent " + count(files) + " to " + directory + " on the " + server);
  }

  /** SSIS's Receive files: remote files (a pattern allowed) into a local folder. */
  private void receive(RemoteFiles remote, String remotePath) throws IOException {
    List<String> files = remoteFiles(remote, remotePath);
    Path folder = localPath();
    if (!Files.isDirectory(folder)) {
      throw failure(
          "the local folder " + folder + " does not exist",
          "create it first (operation createLocalDirectory, or a FileSystem task)");
    }
    for (String f : files) {
      Path target = folder.resolve(name(f));
      if (Files.exists(target) && !overwrite) {
        throw failure(
            "the local file " + target + " already exists",
            "set overwrite: true to replace it (SSIS's OverwriteFileAtDest)");
      }
    }
    int n = 0;
    for (String f : files) {
      Path target = folder.resolve(name(f));
      context.events().progress("receiving " + f + " (" + ++n + " of " + files.size() + ")");
      // under a temporary name until complete, so a loop over the folder never sees half a file
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      try (OutputStream out = new StoppableOutput(Files.newOutputStream(partial), context)) {
        remote.download(f, out, ascii);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    context.events().information("received " + count(files) + " from the " + server);
  }

  /** The remote files a path names: one file, or a pattern's matches (at least one). */
  private List<String> remoteFiles(RemoteFiles remote, String remotePath) throws IOException {
    int slash = remotePath.lastIndexOf('/');
    String directory = slash < 0 ? "." : slash == 0 ? "/" : remotePath.substring(0, slash);
    String pattern = remotePath.substring(slash + 1);
    Wildcard wildcard = new Wildcard(pattern);
    List<String> matches = new ArrayList<>();
    for (RemoteFiles.Entry e : remote.list(directory)) {
      if (!e.isDirectory() && wildcard.matches(e.name())) {
        matches.add(slash < 0 ? e.name() : join(directory, e.name()));
      }
    }
    if (matches.isEmpty()) {
      throw new RemoteNotFound(
          remotePath,
          wildcard.isPattern() ? "no remote file matches" : "the remote file does not exist");
    }
    return matches;
  }

  private void deleteLocal() throws IOException {
    List<Path> files = localFiles();
    for (Path f : files) {
      Files.delete(f);
    }
    context.events().information("deleted " + count(files) + " locally");
  }

  private void createLocalDirectory() throws IOException {
    Path folder = localPath();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw failure("the local path " + folder + " is a file, not a folder", null);
    }
    Files.createDirectories(folder);
    context.events().information("created local folder " + folder);
  }

  private void removeLocalDirectory() throws IOException {
    Path folder = localPath();
    if (!Files.isDirectory(folder)) {
      throw failure(
          "the local folder " + folder + " does not exist", "check the task's local path");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      if (entries.iterator().hasNext()) {
        throw failure(
            "the local folder " + folder + " is not empty",
            "delete its files first (operation deleteLocal with a pattern such as "
                + folder.resolve("*")
                + ")");
      }
    }
    Files.delete(folder);
    context.events().information("removed local folder " + folder);
  }

  /** The local files a path names: one file, or a pattern's matches (at least one). */
  private List<Path> localFiles() throws IOException {
    Path path = localPath();
    Path name = path.getFileName();
    Wildcard wildcard = new Wildcard(name == null ? "" : name.toString());
    if (!wildcard.isPattern()) {
      if (!Files.isRegularFile(path)) {
        throw failure("the local file " + path + " does not exist", "check the task's local path");
      }
      return List.of(path);
    }
    Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path p : entries) {
        if (Files.isRegularFile(p) && wildcard.matches(p.getFileName().toString())) {
          matches.add(p);
        }
      }
    } catch (NoSuchFileException e) {
      throw failure("the local folder " + folder + " does not exist", "check the local path");
    }
    if (matches.isEmpty()) {
      throw failure("no local file matches " + path, "check the task's local path");
    }
    matches.sort(null);
    return matches;
  }

  private Path localPath() {
    String text = settings.text("localPath");
    if (text != null) {
      if (text.isBlank()) {
        throw failure("the local path is empty", "give localPath a file or folder");
      }
      return Path.of(text);
    }
    return context.connections().path(settings.text("localConnection"));
  }

  private PluginException failure(String cause, String hint) {
    String where =
        operation.needsServer() ? " on the " + server + " (connection '" + connection + "')" : "";
    return new PluginException(operation.word() + " failed" + where + ": " + cause, hint);
  }

  private static String join(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  private static String name(String remote) {
    return remote.substring(remote.lastIndexOf('/') + 1);
  }

  private static String count(List<?> files) {
    return files.size() + (files.size() == 1 ? " file" : " files");
  }
}
