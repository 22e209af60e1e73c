package io.sluice.catalog.testing;

import io.sluice.catalog.database.CatalogLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of a test's own, which the test may stop, start again (same data, same port)
 * or turn read-only, to play a catalog outage or failover under a running catalog client. The
 * shared {@link TestCatalog} server must never be stopped: other tests use it.
 */
public final class RestartableCatalogServer implements AutoCloseable {

  private static final String DATABASE = "sluice";

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres server;

  private RestartableCatalogServer(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Starts a new server with an empty database {@value #DATABASE}. */
  public static RestartableCatalogServer start() {
    try {
      Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : null;
      Path dir =
          base == null
              ? Files.createTempDirectory("sluice-restartable-pg")
              : Files.createTempDirectory(base, "sluice-restartable-pg");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      RestartableCatalogServer restartable = new RestartableCatalogServer(dir, port);
      restartable.startServer();
      restartable.admin("create database " + DATABASE);
      return restartable;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a PostgreSQL server for the test", e);
    }
  }

  /** The catalog database on this server (not migrated: CatalogDatabase.open migrates it). */
  public CatalogLocation location() {
    return new CatalogLocation(
        "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?connectTimeout=2",
        "postgres",
        "");
  }

  /** Stops the server the fast way: sessions are ended (57P01), new connections refused. */
  public synchronized void stop() {
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the test PostgreSQL server", e);
    }
  }

  /** Starts the server again on the same data and port. */
  public synchronized void restart() {
    startServer();
  }

  /**
   * Makes every session read-only (new transactions fail with 25006 on their first write), as a
   * primary demoted to a standby does; {@code false} makes it writable again.
   */
  public void setReadOnly(boolean readOnly) {
    admin(
        "alter system set default_transaction_read_only = " + (readOnly ? "on" : "off"),
        "select pg_reload_conf()");
    awaitServerDefault(readOnly ? "on" : "off");
  }

  /**
   * pg_reload_conf() only signals the postmaster. Once a new session sees the value, the postmaster
   * has re-read its configuration, and it signals every existing session in the same step, so they
   * apply it before their next statement.
   */
  private void awaitServerDefault(String expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
          Statement s = c.createStatement();
          var rs = s.executeQuery("show default_transaction_read_only")) {
        if (rs.next() && expected.equals(rs.getString(1))) {
          return;
        }
        Thread.sleep(20);
      } catch (SQLException e) {
        throw new IllegalStateException("test server administration failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("the test server did not apply the configuration in 10 s");
  }

  /** Ends every session of the catalog database, as an administrator or a crash would. */
  public void terminateSessions() {
    admin(
        "select pg_terminate_backend(pid) from pg_stat_activity"
            + " where datname = '"
            + DATABASE
            + "' and pid <> pg_backend_pid()");
  }

  /** Runs initdb only the first time (no postgresql.conf yet); the data stays across restarts. */
  /** Ends one session (by its backend pid), as an administrator or a crash would. */
  public void terminateSession(int pid) {
    admin("select pg_terminate_backend(" + pid + ")");
  }

  private void startServer() {
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
    }
  }

  private void admin(String... statements) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      // The administrator's own session stays writable whatever the server default says.
      s.execute("set default_transaction_read_only = off");
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test server administration failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (server != null) {
        server.close();
      }
      server = null;
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
