package io.sluice.catalog.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
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
 *
 * <p>Other users of the machine are kept out, since the catalog holds what decrypts every sensitive
 * value: the server listens on 127.0.0.1 only and has no Unix socket; every login needs a password
 * (SCRAM, see {@link PgHba}); the passwords are generated on the first start and kept in {@code
 * server.pgpass} ({@link ServerPasswords}); and the data folder, with the catalog key, the
 * passwords, the port and the PostgreSQL data, is readable by its owner only (mode 700; the files
 * Sluice writes are 600, PostgreSQL's own keep their modes inside the 700 folders). Sluice connects
 * as {@value #OWNER}, a role that owns the catalog but is no superuser ({@link CatalogOwnerRole});
 * the superuser's password only sets the server up. The PostgreSQL programs are unpacked into a
 * folder of this user's alone ({@link PostgresProgramsFolder}). A data folder from before all this
 * is upgraded in place on its next start.
 */
public final class EmbeddedCatalog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCatalog.class);
  static final String DATABASE = "sluice";

  /** The role sluice connects as: owner of the catalog database, not a superuser. */
  static final String OWNER = "sluice";

  /** The bootstrap superuser initdb creates; only {@link CatalogOwnerRole} logs in as it. */
  static final String SUPERUSER = "postgres";

  /** The only address the server listens on. */
  static final String HOST = "127.0.0.1";

  private static final Duration WAIT_FOR_OWNER = Duration.ofSeconds(60);

  private final Path dataDir;
  private final CatalogLocation location;
  private final ServerPasswords passwords;
  private final EmbeddedPostgres server; // null when another process owns the server
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedCatalog(
      Path dataDir,
      int port,
      ServerPasswords passwords,
      EmbeddedPostgres server,
      FileChannel lockChannel,
      FileLock lock) {
    this.dataDir = dataDir;
    this.location = locationFor(port, passwords);
    this.passwords = passwords;
    this.server = server;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Connects to the server another process runs on {@code dataDir}, or starts one. */
  public static EmbeddedCatalog attachOrStart(Path dataDir) {
    return attachOrStart(dataDir, 0);
  }

  /**
   * {@link #attachOrStart(Path)}, a server this process starts listening on {@code port} (0: any
   * free one). A server already running on the data folder keeps its port.
   */
  public static EmbeddedCatalog attachOrStart(Path dataDir, int port) {
    if (port != 0) {
      requireFree(port);
    }
    try {
      OwnerOnlyFiles.folder(dataDir);
      long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
      while (true) {
        FileChannel channel = openLockFile(dataDir);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return startAsOwner(dataDir, channel, lock, port);
        }
        channel.close();
        Integer running = runningServerPort(dataDir);
        if (running != null) {
          return new EmbeddedCatalog(
              dataDir, running, ServerPasswords.read(dataDir), null, null, null);
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
    } catch (UncheckedIOException e) {
      // From securing the data folder, which runs inside the embedded library's start.
      throw new UncheckedIOException(
          "cannot start the embedded catalog in " + dataDir + ": " + e.getMessage(), e.getCause());
    }
  }

  private static EmbeddedCatalog startAsOwner(
      Path dataDir, FileChannel channel, FileLock lock, int port) throws IOException {
    try {
      ServerPasswords passwords = ServerPasswords.loadOrCreate(dataDir);
      EmbeddedCatalog catalog;
      Integer strayPort = runningServerPort(dataDir);
      if (strayPort != null && (passwords.created() || !PgHba.isCurrent(pgData(dataDir)))) {
        // Left running by an older sluice (it lets anyone in), or its passwords were lost: never
        // use it; stop it and start it again the safe way.
        log.info("stopping the embedded catalog server on port {} to secure it", strayPort);
        Files.deleteIfExists(dataDir.resolve("server.properties"));
        stopPostmaster(dataDir);
        strayPort = null;
      }
      if (strayPort != null) {
        // The previous owner left the server running (for others, or it was killed): use it.
        log.info("using the embedded catalog server left running on port {}", strayPort);
        catalog = new EmbeddedCatalog(dataDir, strayPort, passwords, null, channel, lock);
      } else {
        EmbeddedPostgres server = start(dataDir, passwords, port);
        try {
          CatalogOwnerRole.prepare(server.getPort(), passwords);
          writeServerProperties(dataDir, server.getPort());
        } catch (IOException | RuntimeException e) {
          server.close();
          throw e;
        }
        catalog = new EmbeddedCatalog(dataDir, server.getPort(), passwords, server, channel, lock);
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

  private static FileChannel openLockFile(Path dataDir) throws IOException {
    return FileChannel.open(
        dataDir.resolve("owner.lock"),
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        OwnerOnlyFiles.fileAttributes());
  }

  private static Path pgData(Path dataDir) {
    return dataDir.resolve("pgdata");
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

  /** A port asked for must be free now, or the server's start fails obscurely much later. */
  private static void requireFree(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "the embedded catalog's port must be 1 to 65535, not " + port);
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new InetSocketAddress(HOST, port));
    } catch (IOException inUse) {
      throw new UncheckedIOException(
          "the embedded catalog cannot listen on port "
              + port
              + ": it is in use ("
              + inUse.getMessage()
              + "); choose another port, or none for any free one",
          inUse);
    }
  }

  private static EmbeddedPostgres start(Path dataDir, ServerPasswords passwords, int port)
      throws IOException {
    Path pgData = pgData(dataDir);
    Files.createDirectories(pgData);
    PostgresProgramsFolder.usePrivate();
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (port != 0) {
      builder.setPort(port);
    }
    return builder
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        // The library starts PostgreSQL with -F (fsync off) and synchronous_commit off, a test
        // database's settings: a power loss or kernel crash could then lose committed executions
        // (a task handed out twice) or corrupt the catalog. A later -c wins over -F and replaces
        // the library's own value.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("listen_addresses", HOST)
        // No Unix socket: TCP on 127.0.0.1 with a password is the only way in. (The library
        // passes these settings through a shell: '' is the empty value.)
        .setServerConfig("unix_socket_directories", "''")
        .setServerConfig("password_encryption", "scram-sha-256")
        // The library checks the started server by logging in as the superuser.
        .setConnectConfig("PGHOST", HOST)
        .setConnectConfig("password", passwords.superuser())
        // Runs after initdb, before the server starts: a new data folder (initdb leaves pg_hba
        // trusting everyone), one from before passwords, or lost passwords get the superuser's
        // password and pg_hba.conf before anyone can connect.
        .setDataDirectoryCustomizer(folder -> secure(folder.toPath(), passwords))
        // close() decides whether to stop the server (others may still use it); a hook of
        // our own runs it on Ctrl-C.
        .setRegisterShutdownHook(false)
        .start();
  }

  private static void secure(Path pgData, ServerPasswords passwords) {
    try {
      if (passwords.created() || !PgHba.isCurrent(pgData)) {
        SingleUserMode.setPassword(pgData, SUPERUSER, passwords.superuser());
        PgHba.write(pgData);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
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
      socket.connect(new InetSocketAddress(HOST, p), 1000);
      return p;
    } catch (IOException notRunning) {
      return null;
    }
  }

  private static void writeServerProperties(Path dataDir, int port) throws IOException {
    Properties props = new Properties();
    props.setProperty("port", Integer.toString(port));
    props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    StringWriter text = new StringWriter();
    props.store(text, "embedded catalog server of the sluice process with this pid");
    OwnerOnlyFiles.write(dataDir.resolve("server.properties"), text.toString());
  }

  private static CatalogLocation locationFor(int port, ServerPasswords passwords) {
    return new CatalogLocation(
        "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE + "?ApplicationName=sluice",
        OWNER,
        passwords.owner());
  }

  public CatalogLocation location() {
    return location;
  }

  /**
   * The superuser's login to the catalog database, for an administrator's tools only (e.g.
   * bench/dispatch's pg_stat_statements). Never give it to a catalog pool: the pool's role is kept
   * unable to run programs or read the server's files.
   */
  public CatalogLocation superuserLocation() {
    return new CatalogLocation(location.jdbcUrl(), SUPERUSER, passwords.superuser());
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
        channel = openLockFile(dataDir);
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
    stopPostmaster(dataDir);
  }

  private static void stopPostmaster(Path dataDir) throws IOException {
    Path pidFile = pgData(dataDir).resolve("postmaster.pid");
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
