package io.sluice.cli.bench;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.PostgresBinaries;
import io.sluice.catalog.testing.PostgresServer;
import io.sluice.catalog.testing.ReplicatedPostgres;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything bench/chaos runs, as real processes on this machine: a PostgreSQL primary and its
 * synchronous hot standby holding the catalog, a separate PostgreSQL for the ledger, two masters
 * ({@code sluice master --config}) and three workers ({@code sluice worker --config}) with
 * certificates from one cluster CA. Masters and workers use the default lease settings; workers
 * list both masters, in a different order, so each master serves someone.
 */
final class ChaosCluster implements AutoCloseable {

  static final int MASTERS = 2;
  static final int WORKERS = 3;

  private final Path dir;
  private final ReplicatedPostgres catalogPair;
  private final PostgresServer ledgerServer;
  private final Path ledgerFolder;
  private final CatalogDatabase catalogDatabase;
  private final Catalog catalog;
  private final Jdbi ledger;
  private final List<SluiceProcess> masters = new ArrayList<>();
  private final List<Integer> managementPorts = new ArrayList<>();
  private final List<SluiceProcess> workers = new ArrayList<>();
  private final HttpClient health;
  private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor();

  private ChaosCluster(
      Path dir,
      ReplicatedPostgres catalogPair,
      PostgresServer ledgerServer,
      Path ledgerFolder,
      CatalogDatabase catalogDatabase,
      Catalog catalog) {
    this.dir = dir;
    this.catalogPair = catalogPair;
    this.ledgerServer = ledgerServer;
    this.ledgerFolder = ledgerFolder;
    this.catalogDatabase = catalogDatabase;
    this.catalog = catalog;
    this.ledger = Jdbi.create(ledgerServer.jdbcUrl("postgres"), "postgres", "");
    this.health =
        HttpClient.newBuilder()
            .sslContext(
                TlsContexts.sslContext(null, TlsContexts.trustStore(dir.resolve("certs/ca.crt"))))
            .connectTimeout(Duration.ofSeconds(1))
            .build();
  }

  /** Starts it all and waits until every master is ready and every worker enabled. */
  static ChaosCluster start(Path dir, Path logback, int beats, Log log) {
    PostgresBinaries binaries =
        PostgresBinaries.find()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "bench/chaos needs " + PostgresBinaries.whereLooked()));
    log.line("catalog: PostgreSQL primary + synchronous hot standby (" + binaries.bin() + ")");
    ReplicatedPostgres pair = ReplicatedPostgres.start(binaries);
    Path ledgerFolder = binaries.newFolder("sluice-chaos-ledger");
    PostgresServer ledgerServer = null;
    CatalogDatabase database = null;
    ChaosCluster cluster;
    try {
      ledgerServer =
          PostgresServer.initAndStart(
              binaries, ledgerFolder.resolve("ledger"), freePort(), List.of());
      ledgerServer.execute("postgres", LedgerProject.LEDGER_TABLE);
      database = CatalogDatabase.open(pair.location(), 4);
      Catalog catalog =
          new LocalCatalog(
              new CatalogContext(
                  database, CatalogKey.loadOrCreate(dir.resolve("catalog.key")).cipher(), "chaos"));
      catalog.folders().create(LedgerProject.FOLDER, "bench/chaos");
      catalog
          .projects()
          .deploy(
              LedgerProject.FOLDER, LedgerProject.archive(ledgerServer.jdbcUrl("postgres"), beats));
      writeCertificates(dir.resolve("certs"));
      cluster = new ChaosCluster(dir, pair, ledgerServer, ledgerFolder, database, catalog);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      if (ledgerServer != null) {
        ledgerServer.close();
      }
      PostgresBinaries.deleteFolder(ledgerFolder);
      pair.close();
      throw e;
    }
    try {
      cluster.startMasters(logback, pair.jdbcUrl(), log);
      cluster.startWorkers(logback, log);
      cluster.keeper.scheduleWithFixedDelay(cluster::restartExited, 1, 1, TimeUnit.SECONDS);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** One CA; one master certificate naming every name workers use; one certificate per worker. */
  private static void writeCertificates(Path certs) {
    try {
      Files.createDirectories(certs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CertificateAuthority ca = CertificateAuthority.create("Chaos cluster CA", Duration.ofDays(2));
    ca.writePem(certs);
    ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(2)).writePem(certs, "master");
    for (int i = 1; i <= WORKERS; i++) {
      ca.issueClient(workerName(i), Duration.ofDays(2)).writePem(certs, workerName(i));
    }
  }

  static String workerName(int i) {
    return "chaos-worker-" + i;
  }

  private void startMasters(Path logback, String catalogUrl, Log log) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 1; i <= MASTERS; i++) {
      int port = freePort();
      int management = freePort();
      ports.add(port);
      managementPorts.add(management);
      SluiceProcess master =
          SluiceProcess.master(
              "chaos-master-" + i,
              dir,
              "certs/",
              port,
              management,
              catalogUrl,
              "postgres",
              logback);
      masters.add(master);
      master.start();
    }
    for (int i = 0; i < MASTERS; i++) {
      awaitReady(i, Duration.ofSeconds(120));
    }
    log.line("masters ready on ports " + ports);
    this.masterPorts = ports;
  }

  private List<Integer> masterPorts = List.of();

  private void startWorkers(Path logback, Log log) {
    for (int i = 1; i <= WORKERS; i++) {
      String name = workerName(i);
      // Worker i lists the masters starting with master ((i-1) mod 2)+1, so both serve someone.
      List<String> endpoints = new ArrayList<>();
      for (int m = 0; m < MASTERS; m++) {
        endpoints.add("https://localhost:" + masterPorts.get((i - 1 + m) % MASTERS));
      }
      Path config = dir.resolve(name + ".yaml");
      write(
          config,
          """
          displayName: %s
          masters: [%s]
          tls: {ca: certs/ca.crt, certificate: certs/%s.crt, key: certs/%s.key}
          maxTaskCount: 4
          agentHeartbeatInterval: 1s
          taskLogFolder: %s/tasks
          executionLogCacheFolder: %s/cache
          """
              .formatted(name, String.join(", ", endpoints), name, name, name, name));
      SluiceProcess worker =
          new SluiceProcess(
              name,
              "192m",
              logback,
              dir.resolve(name + ".log"),
              name,
              "worker",
              "--config",
              config.toString());
      workers.add(worker);
      worker.start();
    }
    WorkerAgents agents = new WorkerAgents(catalogDatabase.jdbi());
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (int i = 1; i <= WORKERS; i++) {
      String name = workerName(i);
      Optional<WorkerAgent> agent = Optional.empty();
      while (agent.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              name + " did not register; see " + dir.resolve(name + ".log"));
        }
        sleep(200);
        agent = agents.list().stream().filter(a -> a.displayName().equals(name)).findFirst();
      }
      agents.enable(agent.get().workerAgentId().toString());
    }
    log.line(WORKERS + " workers registered and enabled");
  }

  /** Starts again every process that exited on its own (a master that found no primary). */
  private void restartExited() {
    for (SluiceProcess p : all()) {
      if (p.exitedOnItsOwn()) {
        p.start();
      }
    }
  }

  private List<SluiceProcess> all() {
    List<SluiceProcess> all = new ArrayList<>(masters);
    all.addAll(workers);
    return all;
  }

  /** 200 from the master's /health/ready (its catalog answers). */
  boolean ready(int master) {
    try {
      HttpResponse<Void> response =
          health.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://localhost:" + managementPorts.get(master) + "/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void awaitReady(int master, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!ready(master)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            masters.get(master).name()
                + " not ready after "
                + limit
                + "; see "
                + masters.get(master).log());
      }
      sleep(200);
    }
  }

  List<SluiceProcess> masters() {
    return masters;
  }

  List<SluiceProcess> workers() {
    return workers;
  }

  ReplicatedPostgres catalogPair() {
    return catalogPair;
  }

  Catalog catalog() {
    return catalog;
  }

  /** The catalog's tables, read through the multi-host URL (follows the failover). */
  Jdbi catalogJdbi() {
    return catalogDatabase.jdbi();
  }

  Jdbi ledger() {
    return ledger;
  }

  Path dir() {
    return dir;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    keeper.shutdownNow();
    all().forEach(SluiceProcess::stop);
    catalogDatabase.close();
    ledgerServer.close();
    PostgresBinaries.deleteFolder(ledgerFolder);
    catalogPair.close();
  }

  /** Progress lines (stderr for the script, the test's output for the test). */
  interface Log {
    void line(String text);
  }
}
