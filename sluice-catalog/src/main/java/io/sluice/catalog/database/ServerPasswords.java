package io.sluice.catalog.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two passwords of the embedded catalog server, generated on its first start and kept in
 * {@value #FILE} beside the catalog key (mode 600, in the owner-only data folder): the superuser's,
 * used only to set the server up, and the catalog owner's, which every {@code sluice} process
 * connects with.
 *
 * <p>The file is in PostgreSQL's password-file format, so an administrator can hand it to psql as
 * it is ({@code PGPASSFILE=<data-dir>/server.pgpass psql -h 127.0.0.1 -p PORT -U sluice sluice}).
 *
 * @param created true when this start generated the passwords (the server must then be told them)
 */
record ServerPasswords(String superuser, String owner, boolean created) {

  static final String FILE = "server.pgpass";

  /** Reads the passwords, or generates and writes them when the file is missing or unreadable. */
  static ServerPasswords loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      ServerPasswords kept = parse(Files.readString(file, StandardCharsets.UTF_8));
      if (kept != null) {
        OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.FILE_MODE);
        return kept;
      }
    }
    ServerPasswords fresh = new ServerPasswords(generate(), generate(), true);
    OwnerOnlyFiles.write(file, fresh.fileText());
    return fresh;
  }

  /** Reads the passwords of a server another process started. */
  static ServerPasswords read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    try {
      ServerPasswords kept = parse(Files.readString(file, StandardCharsets.UTF_8));
      if (kept == null) {
        throw new IOException(file + " holds no password for " + EmbeddedCatalog.OWNER);
      }
      return kept;
    } catch (NoSuchFileException e) {
      throw new IOException(
          "the catalog server running on "
              + dataDir
              + " was started by an older sluice (it has no "
              + FILE
              + " and lets any local user in); stop the sluice process that started it, and"
              + " the next sluice command upgrades the catalog",
          e);
    }
  }

  /** Null unless the text holds a password for both roles. */
  private static ServerPasswords parse(String text) {
    String superuser = null;
    String owner = null;
    for (String line : text.split("\n")) {
      // host:port:database:user:password (passwords are base64url: no ':' or '\' to unescape)
      String[] fields = line.strip().split(":", 5);
      if (fields.length != 5 || fields[4].isEmpty()) {
        continue;
      }
      if (fields[3].equals(EmbeddedCatalog.SUPERUSER)) {
        superuser = fields[4];
      } else if (fields[3].equals(EmbeddedCatalog.OWNER)) {
        owner = fields[4];
      }
    }
    return superuser == null || owner == null ? null : new ServerPasswords(superuser, owner, false);
  }

  private String fileText() {
    return EmbeddedCatalog.HOST
        + ":*:*:"
        + EmbeddedCatalog.SUPERUSER
        + ":"
        + superuser
        + "\n"
        + EmbeddedCatalog.HOST
        + ":*:"
        + EmbeddedCatalog.DATABASE
        + ":"
        + EmbeddedCatalog.OWNER
        + ":"
        + owner
        + "\n";
  }

  private static String generate() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  @Override
  public String toString() {
    // Never print the passwords.
    return "ServerPasswords[" + FILE + "]";
  }
}
