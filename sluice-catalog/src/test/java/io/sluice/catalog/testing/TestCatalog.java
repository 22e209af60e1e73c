package io.sluice.catalog.testing;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.security.SecretCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database for
 * every {@link #newDatabase()} call, so test classes never see each other's rows.
 */
public final class TestCatalog {

  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestCatalog() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Test data is disposable: keep it in memory when the machine has /dev/shm, and skip the
        // durability work (fsync) that makes every CREATE DATABASE and commit slow.
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : null;
        Path dataDir =
            base == null
                ? Files.createTempDirectory("sluice-test-pg")
                : Files.createTempDirectory(base, "sluice-test-pg");
        server =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestCatalog::stop));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  /** A location of a new empty database (not migrated). */
  public static CatalogLocation newEmptyDatabase() {
    EmbeddedPostgres pg = server();
    String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new CatalogLocation(pg.getJdbcUrl("postgres", name), "postgres", "");
  }

  /** A new database with the catalog schema migrated. */
  public static CatalogDatabase newDatabase() {
    return CatalogDatabase.open(newEmptyDatabase());
  }

  /** A cipher with a fixed test key. */
  public static SecretCipher cipher() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return new SecretCipher(key);
  }
}
