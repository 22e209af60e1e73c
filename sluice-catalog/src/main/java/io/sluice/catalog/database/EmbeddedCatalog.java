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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
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
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return new EmbeddedCatalog(dataDir, waitForOwner(dataDir), null, null, null);
      }
      try {
        Integer strayPort = runningServerPort(dataDir);
        if (strayPort != null) {
          // An owner was killed without stopping its server; the server still runs: use it.
          log.info("using the embedded catalog server left running on port {}", strayPort);
          return new EmbeddedCatalog(dataDir, locationFor(strayPort), null, channel, lock);
        }
        EmbeddedPostgres server = start(dataDir);
        writeServerProperties(dataDir, server.getPort());
        return new EmbeddedCatalog(dataDir, locationFor(server.getPort()), server, channel, lock);
      } catch (IOException | RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded catalog in " + dataDir + ": " + e.getMessage(), e);
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

  private static CatalogLocation waitForOwner(Path dataDir) throws IOException {
    long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
    while (System.nanoTime() < deadline) {
      Integer port = runningServerPort(dataDir);
      if (port != null) {
        return locationFor(port);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the embedded catalog", e);
      }
    }
    throw new IOException(
        "another sluice process holds "
            + dataDir.resolve("owner.lock")
            + " but its catalog server did not answer within "
            + WAIT_FOR_OWNER.toSeconds()
            + " s; stop that process or use another --data-dir");
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

  @Override
  public void close() {
    try {
      if (server != null) {
        Files.deleteIfExists(dataDir.resolve("server.properties"));
        server.close();
      }
      if (lock != null) {
        lock.release();
        lockChannel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded catalog: " + e.getMessage(), e);
    }
  }
}
