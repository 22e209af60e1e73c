package io.sluice.catalog.testing;

import io.sluice.catalog.database.CatalogLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A PostgreSQL streaming-replication pair made from the binaries on the machine: a primary and a
 * hot standby cloned from it with {@code pg_basebackup -R}, each on a free port, reached through
 * one multi-host JDBC URL that always finds the primary. Tests and bench/chaos kill the primary and
 * promote the standby, as a site's HA tool would.
 *
 * <p>Replication is <b>synchronous</b> ({@code synchronous_standby_names = '*'}, {@code
 * synchronous_commit = on}): a commit returns only once the standby has its WAL on disk, so a
 * transaction the catalog reported committed survives the primary's death. With asynchronous
 * replication the last commits before a crash can be missing on the promoted standby, and an
 * execution a worker saw succeed could vanish. The price (docs/high-availability.md): every commit
 * waits for one round trip to the standby, and while the standby is down commits on the primary
 * wait until it is back or an operator turns synchronous replication off. The promoted standby runs
 * alone (asynchronous): it has no standby of its own to wait for.
 */
public final class ReplicatedPostgres implements AutoCloseable {

  /** The database the pair is created with; catalogs live in it or in others made later. */
  public static final String DATABASE = "sluice";

  private final Path folder;
  private final PostgresServer primary;
  private final PostgresServer standby;
  private volatile boolean promoted;

  private ReplicatedPostgres(Path folder, PostgresServer primary, PostgresServer standby) {
    this.folder = folder;
    this.primary = primary;
    this.standby = standby;
  }

  /** Starts a primary and its synchronous hot standby; close the pair after use. */
  public static ReplicatedPostgres start(PostgresBinaries binaries) {
    Path folder = binaries.newFolder("sluice-replicated-pg");
    PostgresServer primary = null;
    try {
      primary =
          PostgresServer.initAndStart(
              binaries,
              folder.resolve("primary"),
              freePort(),
              List.of(
                  "wal_level = replica",
                  "max_wal_senders = 10",
                  "max_replication_slots = 10",
                  "hot_standby = on",
                  "wal_keep_size = '256MB'"));
      primary.execute("postgres", "create database " + DATABASE);
      PostgresServer standby =
          PostgresServer.standbyOf(
              primary, folder.resolve("standby"), freePort(), List.of("cluster_name = 'standby'"));
      // Synchronous only now that a standby exists: before, every commit would wait for none.
      // ALTER SYSTEM writes the primary's postgresql.auto.conf, which the standby did not copy,
      // so the standby, once promoted, runs alone instead of waiting for a standby of its own.
      primary.execute("postgres", "alter system set synchronous_standby_names = '*'");
      primary.execute("postgres", "alter system set synchronous_commit = 'on'");
      primary.execute("postgres", "select pg_reload_conf()");
      ReplicatedPostgres pair = new ReplicatedPostgres(folder, primary, standby);
      pair.awaitStandbyStreaming(Duration.ofSeconds(60));
      return pair;
    } catch (RuntimeException e) {
      if (primary != null) {
        primary.close();
      }
      PostgresBinaries.deleteFolder(folder);
      throw e;
    }
  }

  /** Starts a pair with the binaries on this machine; fails if there are none. */
  public static ReplicatedPostgres start() {
    return start(
        PostgresBinaries.find()
            .orElseThrow(() -> new IllegalStateException("no " + PostgresBinaries.whereLooked())));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * The multi-host URL of {@code database}: the driver tries both servers and keeps the one that is
   * primary. {@code hostRecheckSeconds=1}: the driver remembers for that long which host was a
   * standby, and the promoted one must be tried again soon after the promotion (default 10 s).
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:"
        + primary.port()
        + ",127.0.0.1:"
        + standby.port()
        + "/"
        + database
        + "?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /** Where a catalog on this pair is, for {@code CatalogDatabase.open}. */
  public CatalogLocation location(String database) {
    return new CatalogLocation(jdbcUrl(database), "postgres", "");
  }

  public CatalogLocation location() {
    return location(DATABASE);
  }

  /** Creates another database (replicated to the standby like everything else). */
  public void createDatabase(String name) {
    primary.execute("postgres", "create database " + name);
  }

  public PostgresServer primary() {
    return primary;
  }

  public PostgresServer standby() {
    return standby;
  }

  /** kill -9 of the primary's postmaster and backends: the machine of the primary "dies". */
  public void killPrimary() {
    primary.kill();
  }

  /** Promotes the standby to primary and waits until it accepts writes. */
  public void promoteStandby() {
    standby.promote();
    promoted = true;
  }

  public boolean promoted() {
    return promoted;
  }

  /**
   * Waits until the standby has replayed everything the primary has written so far (for tests that
   * read the standby, e.g. to check what it holds before a failover).
   */
  public void waitForReplay(Duration limit) {
    String target = primary.queryText("postgres", "select pg_current_wal_lsn()::text");
    long deadline = System.nanoTime() + limit.toNanos();
    while (!"t"
        .equals(
            standby.queryText(
                "postgres",
                "select coalesce(pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn, false)"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the standby did not replay up to " + target + " within " + limit);
      }
      sleep(20);
    }
  }

  /** Waits until the primary reports the standby as a streaming, synchronous replica. */
  private void awaitStandbyStreaming(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!"1"
        .equals(
            primary.queryText(
                "postgres",
                "select count(*) from pg_stat_replication"
                    + " where state = 'streaming' and sync_state = 'sync'"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the standby did not start streaming within " + limit + "; see " + standby.log());
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops both servers at once and deletes their folder. */
  @Override
  public void close() {
    standby.close();
    primary.close();
    PostgresBinaries.deleteFolder(folder);
  }

  /** For the logs of a failed run. */
  public Path folder() {
    return folder;
  }
}
