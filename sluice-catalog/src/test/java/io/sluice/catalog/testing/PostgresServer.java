package io.sluice.catalog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real PostgreSQL server run from the binaries on the machine (not the embedded one): its own
 * data folder, port and log, started with {@code pg_ctl}. Used alone (a primary, or a server that
 * is not part of the experiment) and by {@link ReplicatedPostgres} for a streaming-replication
 * pair. Trust authentication on 127.0.0.1 only, no Unix socket: a test server, never a site's.
 */
public final class PostgresServer implements AutoCloseable {

  private final PostgresBinaries binaries;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private volatile boolean running;

  private PostgresServer(PostgresBinaries binaries, Path dataDir, int port) {
    this.binaries = binaries;
    this.dataDir = dataDir;
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    this.port = port;
  }

  /**
   * Initialises a new cluster in {@code dataDir} (which must not exist; its parent belongs to the
   * server's OS user) that accepts streaming replication from 127.0.0.1, adds {@code settings} to
   * its postgresql.conf, and starts it.
   */
  public static PostgresServer initAndStart(
      PostgresBinaries binaries, Path dataDir, int port, List<String> settings) {
    binaries.run(
        Duration.ofSeconds(120),
        "initdb",
        "-D",
        dataDir.toString(),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
    // Replaces initdb's file: exactly what the pair needs, on the loopback address only.
    write(
        dataDir.resolve("pg_hba.conf"),
        """
        host all         all 127.0.0.1/32 trust
        host replication all 127.0.0.1/32 trust
        """,
        false);
    List<String> all = new ArrayList<>(baseSettings(port));
    all.addAll(settings);
    appendSettings(dataDir, all);
    PostgresServer server = new PostgresServer(binaries, dataDir, port);
    server.start();
    return server;
  }

  /**
   * Makes a hot standby of {@code primary} in {@code dataDir} with {@code pg_basebackup -R} (which
   * writes standby.signal and primary_conninfo), gives it its own port and {@code settings}
   * (appended after the primary's copied postgresql.conf, so they win), and starts it.
   */
  public static PostgresServer standbyOf(
      PostgresServer primary, Path dataDir, int port, List<String> settings) {
    primary.binaries.run(
        Duration.ofSeconds(120),
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        String.valueOf(primary.port),
        "-U",
        "postgres",
        "-D",
        dataDir.toString(),
        "-R",
        "-X",
        "stream",
        // A spread checkpoint (the default) would make the copy wait up to minutes.
        "--checkpoint=fast",
        "--no-sync");
    List<String> all = new ArrayList<>(baseSettings(port));
    all.addAll(settings);
    appendSettings(dataDir, all);
    PostgresServer standby = new PostgresServer(primary.binaries, dataDir, port);
    standby.start();
    return standby;
  }

  private static List<String> baseSettings(int port) {
    return List.of(
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = ''",
        "max_connections = 200",
        // Killing a process (not the machine) keeps the operating system's page cache, so the
        // tests lose nothing by skipping fsync, and the shared 2-core CI machine stays fast.
        "fsync = off",
        "full_page_writes = off");
  }

  private static void appendSettings(Path dataDir, List<String> settings) {
    write(
        dataDir.resolve("postgresql.conf"),
        "\n# added by the Sluice test harness\n" + String.join("\n", settings) + "\n",
        true);
  }

  private static void write(Path file, String text, boolean append) {
    try {
      if (append) {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Starts the server (again, e.g. after {@link #kill()}) and waits until it accepts queries. */
  public void start() {
    binaries.run(
        Duration.ofSeconds(90),
        "pg_ctl",
        "-D",
        dataDir.toString(),
        "-l",
        log.toString(),
        "-w",
        "-t",
        "60",
        "start");
    running = true;
  }

  /** Stops the server at once (SIGQUIT to every process: no checkpoint), as a power cut would. */
  public void stopImmediately() {
    if (running) {
      binaries.run(
          Duration.ofSeconds(60), "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "stop");
      running = false;
    }
  }

  /**
   * kill -9 of the postmaster and every backend it started: the server vanishes without a word, as
   * when its machine dies. Open connections break; new ones are refused.
   */
  public void kill() {
    long pid = postmasterPid();
    ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
    if (postmaster != null) {
      List<ProcessHandle> family = new ArrayList<>(postmaster.descendants().toList());
      family.add(0, postmaster);
      family.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle p : family) {
        try {
          p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("process " + p.pid() + " survived kill -9", e);
        }
      }
    }
    running = false;
  }

  /**
   * Ends recovery on a standby ({@code pg_ctl promote}, what an HA tool does) and waits until it
   * accepts writes.
   */
  public void promote() {
    binaries.run(
        Duration.ofSeconds(90), "pg_ctl", "-D", dataDir.toString(), "-w", "-t", "60", "promote");
  }

  /** The postmaster's process id, from the first line of postmaster.pid. */
  public long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
              .get(0)
              .trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + dataDir + ": is it running?", e);
    }
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path log() {
    return log;
  }

  public boolean running() {
    return running;
  }

  /** A single-host URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A new connection as the superuser {@code postgres}; close it. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
  }

  /** Runs one statement (DDL, {@code create database}) on {@code database} of this server. */
  public void execute(String database, String sql) {
    try (Connection c = connect(database);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("on port " + port + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of the first row of {@code sql}, as text. */
  public String queryText(String database, String sql) {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("on port " + port + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      stopImmediately();
    } catch (RuntimeException e) {
      // Already gone (killed); nothing left to stop.
      running = false;
    }
  }
}
