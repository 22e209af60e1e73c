package io.sluice.catalog.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files only their owner may read (700 and 600): the embedded catalog's folder, its
 * passwords and its port. Files are created with their final mode, never widened afterwards, so no
 * other user can open one in the moment between creating and restricting it. On a file system
 * without POSIX modes (Windows) the folder's ACL applies instead.
 */
public final class OwnerOnlyFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  static final String FOLDER_MODE = "rwx------";
  static final String FILE_MODE = "rw-------";

  private OwnerOnlyFiles() {}

  /** Creates {@code folder} if missing and makes it (an existing one too) owner-only. */
  static void folder(Path folder) throws IOException {
    Files.createDirectories(folder);
    restrict(folder, FOLDER_MODE);
  }

  /** Replaces {@code file} atomically: readers see the old content or the new, never a part. */
  static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, fileAttributes());
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The attributes that create a file owner-only (none where the file system has no modes). */
  public static FileAttribute<?>[] fileAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE_MODE))
        }
        : new FileAttribute<?>[0];
  }

  /** Sets {@code mode} (e.g. {@code rw-------}) on an existing file or folder. */
  static void restrict(Path path, String mode) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
  }
}
