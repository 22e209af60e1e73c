package io.sluice.catalog.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default catalog: a real PostgreSQL run from the process that needs it, its data kept
 * in a folder (by default {@code ~/.sluice/catalog}) so the catalog survives restarts.
 *
 * <p>Design: the first process to take the folder's {@code owner.lock} starts the server and writes
 * its port to {@code server.properties}; every other {@code sluice} process that finds the lock
 * held connects to that port instead of starting a second server on the same data. The operating
 * system releases the lock when the owner exits, however it exits, so a crashed owner never blocks
 * the next start.
 *
 * <p>The last one out stops the server: a process leaving while other processes are still connected
 * (a long {@code sluice catalog execute}, say) leaves the server running for them, and whichever
 * process next holds the lock with nobody else connected stops it. Stopping it under someone else's
 * feet would break their work midway.
 */
public final class EmbeddedCatalog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCatalog.class);
  private static final String DATABASE = "sluice";
  private static final String USER = "postgres";
  private static final Duration WAIT_FOR_OWNER = Duration.ofSeconds(60);

  private final Path dataDir;
  private final CatalogLocation location;
  private final EmbeddedPostgres server; // null when another process owns the server
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedCatalog(
      Path dataDir,
      CatalogLocation location,
      EmbeddedPostgres server,
      FileChannel lockChannel,
      FileLock lock) {
    this.dataDir = dataDir;
    this.location = location;
    this.server = server;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Connects to the server another process runs on {@code dataDir}, or starts one. */
  public static EmbeddedCatalog attachOrStart(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
      while (true) {
        FileChannel channel =
            FileChannel.open(
                dataDir.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return startAsOwner(dataDir, channel, lock);
        }
        channel.close();
        Integer port = runningServerPort(dataDir);
        if (port != null) {
          return new EmbeddedCatalog(dataDir, locationFor(port), null, null, null);
        }
        // The owner is still starting the server, or is stopping it: look again shortly (and take
        // the lock if it has gone).
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "another sluice process holds "
                  + dataDir.resolve("owner.lock")
                  + " but its catalog server did not answer within "
                  + WAIT_FOR_OWNER.toSeconds()
                  + " s; stop that process or use another --data-dir");
        }
        sleep();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded catalog in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static EmbeddedCatalog startAsOwner(Path dataDir, FileChannel channel, FileLock lock)
      throws IOException {
    try {
      EmbeddedCatalog catalog;
      Integer strayPort = runningServerPort(dataDir);
      if (strayPort != null) {
        // The previous owner left the server running (for others, or it was killed): use it.
        log.info("using the embedded catalog server left running on port {}", strayPort);
        catalog = new EmbeddedCatalog(dataDir, locationFor(strayPort), null, channel, lock);
      } else {
        EmbeddedPostgres server = start(dataDir);
        writeServerProperties(dataDir, server.getPort());
        catalog =
            new EmbeddedCatalog(dataDir, locationFor(server.getPort()), server, channel, lock);
      }
      // Ctrl-C runs shutdown hooks but no finally blocks: decide about the server then too.
      Runtime.getRuntime()
          .addShutdownHook(new Thread(catalog::closeQuietly, "sluice-embedded-catalog-close"));
      return catalog;
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  /** The lock, or null if another process (or another user in this JVM) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the embedded catalog", e);
    }
  }

  private static EmbeddedPostgres start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("pgdata");
    Files.createDirectories(pgData);
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            // close() decides whether to stop the server (others may still use it); a hook of
            // our own runs it on Ctrl-C.
            .setRegisterShutdownHook(false)
            .start();
    createDatabaseIfMissing(server);
    return server;
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres server) throws IOException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IOException("cannot create the catalog database: " + e.getMessage(), e);
    }
  }

  /** The port in server.properties if a server answers there, else null. */
  private static Integer runningServerPort(Path dataDir) throws IOException {
    Path file = dataDir.resolve("server.properties");
    if (!Files.exists(file)) {
      return null;
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    }
    String port = props.getProperty("port");
    if (port == null) {
      return null;
    }
    int p = Integer.parseInt(port.trim());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", p), 1000);
      return p;
    } catch (IOException notRunning) {
      return null;
    }
  }

  private static void writeServerProperties(Path dataDir, int port) throws IOException {
    Properties props = new Properties();
    props.setProperty("port", Integer.toString(port));
    props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    Path tmp = dataDir.resolve("server.properties.tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      props.store(out, "embedded catalog server of the sluice process with this pid");
    }
    Files.move(
        tmp,
        dataDir.resolve("server.properties"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static CatalogLocation locationFor(int port) {
    return new CatalogLocation(
        "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?ApplicationName=sluice",
        USER,
        "");
  }

  public CatalogLocation location() {
    return location;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** True when this process started the server (and stops it on close). */
  public boolean ownsServer() {
    return server != null;
  }

  /**
   * Leaves the catalog. A process holding the lock stops the server unless other processes are
   * still connected to it; then it leaves the server running for them, and the next process to hold
   * the lock with nobody else connected stops it. A process that only attached just leaves, or
   * takes the lock first if the owner has gone meanwhile.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      FileChannel channel = lockChannel;
      FileLock held = lock;
      if (held == null) {
        channel =
            FileChannel.open(
                dataDir.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        held = tryLock(channel);
      }
      try {
        if (held != null && !othersStayConnected()) {
          stopServer();
        } else if (server != null) {
          log.info("leaving the embedded catalog server running: other sluice processes use it");
        }
      } finally {
        if (held != null) {
          held.release();
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded catalog: " + e.getMessage(), e);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      log.warn("cannot stop the embedded catalog: {}", e.getMessage());
    }
  }

  /**
   * Whether other sessions stay connected for a second: the sessions of a pool this process has
   * just closed take a moment to leave, and must not count as others.
   */
  private boolean othersStayConnected() throws IOException {
    for (int look = 0; look < 5; look++) {
      if (!othersConnected()) {
        return false;
      }
      sleep();
    }
    return true;
  }

  /** Whether sessions other than the one asking are connected (true if the server cannot say). */
  private boolean othersConnected() {
    try (Connection c =
            DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_stat_activity"
                    + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1) > 0;
    } catch (SQLException notAnswering) {
      // Already down (nothing to protect), or unreachable (do not stop what we cannot see).
      return runningServerPortQuietly() != null;
    }
  }

  private Integer runningServerPortQuietly() {
    try {
      return runningServerPort(dataDir);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Stops the server: ours through the embedded library, one left running by an earlier owner by a
   * SIGTERM to its postmaster (PostgreSQL's "smart" shutdown). server.properties goes first, so
   * that no newcomer attaches to a server on its way down.
   */
  private void stopServer() throws IOException {
    Files.deleteIfExists(dataDir.resolve("server.properties"));
    if (server != null) {
      server.close();
      return;
    }
    Path pidFile = dataDir.resolve("pgdata").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    ProcessHandle.of(pid)
        .ifPresent(
            postmaster -> {
              postmaster.destroy();
              try {
                postmaster.onExit().get(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException | TimeoutException e) {
                log.warn("the embedded catalog server (pid {}) did not stop within 60 s", pid);
              }
            });
  }
}
