package io.sluice.master;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * A real master for tests: a cluster CA and certificates written as PEM files, a fresh catalog on
 * embedded PostgreSQL with project F/P (packages Load and Other) deployed, and the master serving
 * HTTPS on free ports.
 */
public final class ScaleOutCluster implements AutoCloseable {

  public final Path dir;
  public final CertificateAuthority ca;
  public final CatalogUnderTest under;

  /** The running master; a new one after {@link #restartMaster}, null while it is stopped. */
  public volatile Master master;

  private final MasterSettings settings;
  private final int workerPort;
  private final int managementPort;

  private ScaleOutCluster(Path dir, UnaryOperator<MasterSettings> tweak) {
    this(dir, CatalogUnderTest.open(), tweak);
  }

  private ScaleOutCluster(Path dir, CatalogUnderTest under, UnaryOperator<MasterSettings> tweak) {
    this.dir = dir;
    this.ca = CertificateAuthority.create("Test Cluster CA", Duration.ofDays(30));
    ca.writePem(dir);
    ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(30)).writePem(dir, "master");
    this.under = under;
    Catalog catalog = under.catalog();
    catalog.folders().create("F", "");
    catalog
        .projects()
        .deploy(
            "F",
            TestProjects.project("P").withPackage("Load", "").withPackage("Other", "").pack(dir));
    this.settings =
        tweak.apply(
            MasterSettings.defaults(
                    dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
                .withPorts(0, 0)
                .withLease(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(100)));
    this.master = Master.start(settings, catalog, under.context());
    this.workerPort = master.workerPort();
    this.managementPort = master.managementPort();
  }

  /** Closes the master: its ports refuse connections until {@link #startMaster}. */
  public void stopMaster() {
    if (master != null) {
      master.close();
      master = null;
    }
  }

  /**
   * Starts a new master on the same ports and catalog (what a restarted master process does), with
   * the cluster's settings changed by {@code tweak}, e.g. another lease.
   */
  public void startMaster(UnaryOperator<MasterSettings> tweak) {
    if (master != null) {
      throw new IllegalStateException("the master is running; stop it first");
    }
    master =
        Master.start(
            tweak.apply(settings.withPorts(workerPort, managementPort)),
            catalog(),
            under.context());
  }

  /** {@link #stopMaster} then {@link #startMaster}. */
  public void restartMaster(UnaryOperator<MasterSettings> tweak) {
    stopMaster();
    startMaster(tweak);
  }

  /**
   * Another master on the same catalog, on ports of its own, with the cluster's settings changed by
   * {@code tweak}; the caller closes it.
   */
  public Master startAnotherMaster(UnaryOperator<MasterSettings> tweak) {
    return Master.start(tweak.apply(settings.withPorts(0, 0)), catalog(), under.context());
  }

  /** The master's worker API endpoint, the same across restarts. */
  public String workerEndpoint() {
    return "https://localhost:" + workerPort;
  }

  public static ScaleOutCluster start(Path dir) {
    return new ScaleOutCluster(dir, s -> s);
  }

  public static ScaleOutCluster start(Path dir, UnaryOperator<MasterSettings> tweak) {
    return new ScaleOutCluster(dir, tweak);
  }

  /** A cluster on a catalog of the test's choosing (e.g. one on a server it stops). */
  public static ScaleOutCluster start(
      Path dir, CatalogUnderTest under, UnaryOperator<MasterSettings> tweak) {
    return new ScaleOutCluster(dir, under, tweak);
  }

  /** Settings for another master on this cluster's catalog and certificates (free ports). */
  public MasterSettings settingsForAnotherMaster() {
    return MasterSettings.defaults(
            dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
        .withPorts(0, 0)
        .withLease(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(100));
  }

  public Catalog catalog() {
    return under.catalog();
  }

  public Jdbi jdbi() {
    return under.jdbi();
  }

  public WorkerAgents workers() {
    return new WorkerAgents(jdbi());
  }

  /** A worker with a new certificate of the cluster CA (not yet registered). */
  public TestWorker newWorker(String name) {
    IssuedCertificate certificate = ca.issueClient(name, Duration.ofDays(1));
    certificate.writePem(dir, name);
    return new TestWorker(
        name,
        dir.resolve(name + ".crt"),
        dir.resolve(name + ".key"),
        dir.resolve("ca.crt"),
        workerPort);
  }

  /** A worker that has registered and been enabled. */
  public TestWorker enabledWorker(String name) {
    TestWorker worker = newWorker(name);
    UUID id = worker.heartbeat().workerId();
    workers().enable(id.toString());
    worker.id = id;
    return worker;
  }

  /**
   * Starts a Scale Out execution of F/P/Load; with {@code onlyOn}, only those workers may run it.
   */
  public long startExecution(int retries, UUID... onlyOn) {
    Catalog catalog = catalog();
    long id =
        catalog
            .executions()
            .create(
                CreateExecution.of("F", "P", "Load")
                    .inScaleOut(true)
                    .withAnyWorker(onlyOn.length == 0));
    for (UUID worker : onlyOn) {
      catalog.executions().addWorker(id, worker);
    }
    catalog.executions().start(id, retries);
    return id;
  }

  public int executionStatus(long executionId) {
    return catalog().executions().get(executionId).status();
  }

  public String taskStatus(long executionId) {
    return task(executionId, "status");
  }

  /** A column of the execution's Scale Out task, as text (null stays null, no task is null). */
  public String task(long executionId, String column) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select " + column + "::text from scale_out_task where execution_id = :id")
                    .bind("id", executionId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  /**
   * A package "Slow": sets a variable, sleeps {@code $Package::Seconds} (default 1) in an Execute
   * Process task, sets it again.
   */
  public static final String SLOW_PACKAGE = slowPackage("(DT_WSTR, 10) @[$Package::Seconds]");

  /** Package "Slow" whose sleep takes the seconds {@code secondsExpression} gives, as text. */
  public static String slowPackage(String secondsExpression) {
    return """
        parameters:
          - {name: Seconds, type: Int32, default: 1}
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - {name: Before, type: Expression, expression: "@[User::N] = 1"}
          - name: Wait
            type: ExecuteProcess
            executable: sleep
            arguments: "1"
            after: Before
            expressions:
              arguments: '%s'
          - {name: After, type: Expression, expression: "@[User::N] = 2", after: Wait}
        """
        .formatted(secondsExpression);
  }

  /** Makes the running lease of an execution's task run out, on the catalog's clock. */
  public void expireLease(long executionId) {
    jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        update scale_out_task set expires_at = now() - interval '1 minute'
                        where execution_id = :id and status = 'RUNNING'
                        """)
                    .bind("id", executionId)
                    .execute());
  }

  /**
   * Makes the lease of that attempt run out if it is running. A later attempt keeps its lease, so a
   * test may repeat this until the master has re-queued the task (a worker that keeps renewing puts
   * the lease back) without hitting the retry.
   */
  public void expireLease(long executionId, int attempt) {
    jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        update scale_out_task set expires_at = now() - interval '1 minute'
                        where execution_id = :id and attempt = :attempt and status = 'RUNNING'
                        """)
                    .bind("id", executionId)
                    .bind("attempt", attempt)
                    .execute());
  }

  @Override
  public void close() {
    stopMaster();
    under.close();
  }
}
