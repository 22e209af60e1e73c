package io.sluice.worker.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only the worker's own user can read: spool files and task logs hold what
 * packages report, which an operator of another account has no business reading. The permissions
 * are given when the file or folder is created (600 and 700), never set afterwards, so there is no
 * moment in which another user could open it. What already exists (a folder an operator made, a
 * leftover file) keeps the permissions it has. On a file system without POSIX permissions (Windows)
 * files are created with that system's defaults.
 */
public final class OwnerOnly {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  private static FileAttribute<?>[] fileMode() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] folderMode() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        }
        : new FileAttribute<?>[0];
  }

  /** Creates {@code folder} and its missing parents, each one it creates mode 700. */
  public static Path createFolders(Path folder) throws IOException {
    return Files.createDirectories(folder, folderMode());
  }

  /**
   * Opens {@code file} for writing, emptied: created with mode 600 when it does not exist yet. One
   * that exists already (a leftover of the same attempt) is truncated and keeps its permissions.
   */
  public static FileChannel newChannel(Path file) throws IOException {
    try {
      return FileChannel.open(
          file,
          Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          fileMode());
    } catch (FileAlreadyExistsException leftover) {
      return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
  }

  /**
   * {@code file}, created empty with mode 600 when it does not exist yet, for a writer that opens
   * it by name afterwards.
   */
  public static Path newFile(Path file) throws IOException {
    try {
      return Files.createFile(file, fileMode());
    } catch (FileAlreadyExistsException leftover) {
      return file;
    }
  }
}
