package io.sluice.catalog.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}: a password (SCRAM-SHA-256) for every connection, over
 * TCP from 127.0.0.1 only. The server listens on nothing else (no other address, no Unix socket),
 * so this one line is all that lets anyone in. Sluice owns the file: it is written again whenever
 * it differs, which is also how a catalog from before passwords is recognised.
 */
final class PgHba {

  static final String FILE = "pg_hba.conf";

  static final String CONTENT =
      "# Written by sluice (EmbeddedCatalog) and replaced at the server's next start if changed.\n"
          + "# Every connection needs a password (SCRAM-SHA-256), over TCP from 127.0.0.1 only;\n"
          + "# the passwords are in server.pgpass in the catalog's data folder.\n"
          + "host    all    all    "
          + EmbeddedCatalog.HOST
          + "/32    scram-sha-256\n";

  private PgHba() {}

  /** Whether {@code pgData} already has this file (false for a new or an older catalog). */
  static boolean isCurrent(Path pgData) throws IOException {
    Path file = pgData.resolve(FILE);
    return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT);
  }

  static void write(Path pgData) throws IOException {
    OwnerOnlyFiles.write(pgData.resolve(FILE), CONTENT);
  }
}
