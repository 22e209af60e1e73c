package io.sluice.master;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.operation.MachineName;
import io.sluice.master.catalogapi.CatalogApi;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.dispatch.AssignmentBuilder;
import io.sluice.master.dispatch.QueueListener;
import io.sluice.master.dispatch.TaskAssigner;
import io.sluice.master.dispatch.TaskDispatcher;
import io.sluice.master.dispatch.UndeliveredTasks;
import io.sluice.master.health.HealthRoutes;
import io.sluice.master.http.MasterServer;
import io.sluice.master.leader.LeaderLease;
import io.sluice.master.leader.LeaderWork;
import io.sluice.master.leader.RetentionSchedule;
import io.sluice.master.lease.AttemptReports;
import io.sluice.master.lease.CompletedTaskCleanup;
import io.sluice.master.lease.ExpiredLeases;
import io.sluice.master.lease.ExpiredServerExecutions;
import io.sluice.master.lease.TaskTimeouts;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.ManagementAccess;
import io.sluice.master.management.ManagementAuth;
import io.sluice.master.management.MasterNodes;
import io.sluice.master.management.WorkerAgents;
import io.sluice.master.management.WorkerManagementRoutes;
import io.sluice.master.metrics.MasterMetrics;
import io.sluice.master.mount.MasterMounts;
import io.sluice.master.mount.MasterServices;
import io.sluice.master.serverexecution.ChildJvm;
import io.sluice.master.serverexecution.ServerExecutionLeases;
import io.sluice.master.serverexecution.ServerExecutions;
import io.sluice.master.serverexecution.ServerExecutor;
import io.sluice.master.workerapi.WorkerApiRoutes;
import io.sluice.master.workerapi.WorkerRegistry;
import io.sluice.protocol.tls.Fingerprints;
import io.sluice.protocol.tls.Pem;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Scale Out master: the HTTPS server (worker API, management API, health, metrics), the
 * dispatcher of long polls woken by LISTEN/NOTIFY, and the periodic work — its own heartbeat in
 * {@code master_node} and, while it holds the leader lease, the once-only work: expired leases,
 * task timeouts, cleanup of completed tasks, the retention cleanup. Every piece keeps its state in
 * the catalog, so several masters can serve one catalog at once.
 */
public final class Master implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Master.class);

  private final MasterSettings settings;
  private final String name;
  private final PrometheusMeterRegistry metrics;
  private final MasterMetrics monitoring;
  private final TaskDispatcher dispatcher;
  private final QueueListener listener;
  private final ServerExecutions serverExecutions;
  private final MasterServer server;
  private final LeaderLease leaderLease;
  private final LeaderWork housekeeping;
  private final MasterNodes nodes;

  private final AtomicLong assigned = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();

  private Master(MasterSettings settings, Catalog catalog, CatalogContext context) {
    this.settings = settings;
    // Catalog work interrupted by a catalog failover is retried until a primary answers.
    context.database().failover().retryFor(settings.catalogFailoverTimeout());
    Jdbi jdbi = context.database().jdbi();
    SSLContext ssl =
        TlsContexts.sslContext(
            TlsContexts.keyStore(settings.certificate(), settings.key()),
            TlsContexts.trustStore(settings.ca()));
    String fingerprint = Fingerprints.sha256(Pem.readCertificates(settings.certificate()).get(0));

    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    this.monitoring = MasterMetrics.bind(metrics, context, Clock.systemUTC());

    AttemptReports reports = new AttemptReports(jdbi, settings.leaseInterval());
    UndeliveredTasks undeliveredTasks = new UndeliveredTasks(jdbi, settings.leaseInterval());
    TaskAssigner assigner = new CountingAssigner(jdbi, settings.leaseInterval(), assigned);
    AssignmentBuilder builder =
        new AssignmentBuilder(
            catalog.executions(), context, settings.leaseInterval(), settings.taskTimeout());
    this.dispatcher =
        new TaskDispatcher(
            assigner,
            builder,
            Duration.ofSeconds(2),
            failed ->
                reports.result(
                    failed.workerId(),
                    failed.assigned().taskId(),
                    new TaskResult(
                        failed.assigned().attempt(),
                        TaskResult.Outcome.FAILED,
                        1,
                        0,
                        "the master could not prepare the task: " + failed.error().getMessage())),
            undelivered -> giveBack(undeliveredTasks, undelivered));

    ApiTokens tokens = new ApiTokens(jdbi);
    ManagementAuth auth = new ManagementAuth(tokens);
    WorkerAgents workerAgents = new WorkerAgents(jdbi);
    MasterServices services =
        new MasterServices(
            context,
            auth,
            tokens,
            workerAgents,
            new MasterNodes(jdbi),
            this::name,
            this::workerPort,
            Clock.systemUTC(),
            MasterMounts.version(),
            Pem.readCertificates(settings.ca()).stream()
                .map(ca -> ca.getNotAfter().toInstant())
                .min(Instant::compareTo)
                .orElse(null));
    this.server =
        new MasterServer(
            ssl,
            settings.host(),
            settings.port(),
            settings.managementPort(),
            settings.maxPollWait().plusSeconds(30),
            List.of(
                new WorkerApiRoutes(
                    new WorkerRegistry(jdbi),
                    dispatcher,
                    reports,
                    settings.maxPollWait(),
                    settings.maxRequestBytes()),
                new ManagementAccess(auth),
                new WorkerManagementRoutes(workerAgents),
                new CatalogApi(context, settings.maxRequestBytes()),
                new HealthRoutes(
                    context.database().probe(), settings.catalogConnectionTimeout(), metrics),
                // Last: what jars on the class path mount (the web console, under /console/).
                MasterMounts.load(services)));
    try {
      server.start();
    } catch (RuntimeException e) {
      dispatcher.close(); // its thread runs already; nothing else has started
      monitoring.close();
      throw e;
    }

    Gauge.builder("sluice_polls_waiting", dispatcher, TaskDispatcher::waiting)
        .description("worker polls waiting for a task")
        .register(metrics);
    counter("sluice_tasks_assigned", "task attempts handed to workers", assigned);
    counter("sluice_tasks_lost", "attempts whose lease ran out (re-queued or ended)", lost);
    counter("sluice_tasks_timed_out", "tasks stopped for running past taskTimeout", timedOut);

    this.name =
        settings.name() != null ? settings.name() : MachineName.get() + ":" + server.workerPort();
    this.nodes = new MasterNodes(jdbi);
    String address =
        settings.advertisedAddress() != null ? settings.advertisedAddress() : MachineName.get();
    nodes.record(name, MachineName.get(), address, server.workerPort(), fingerprint);

    // Server-mode executions are leased in this master's name, so they start once it is known.
    this.serverExecutions =
        new ServerExecutions(
            new ServerExecutor(
                catalog,
                context,
                new ChildJvm(settings.serverExecutionJvmOptions(), ChildJvm.DEFAULT_STOP_GRACE)),
            new ServerExecutionLeases(jdbi, name, settings.leaseInterval()),
            settings.serverExecutions(),
            Duration.ofSeconds(2));
    this.listener =
        new QueueListener(
            context.database().dataSource(),
            Map.of(
                ServerExecutions.CHANNEL,
                payloads -> serverExecutions.wake(),
                QueueListener.CHANNEL,
                dispatcher::notified));

    // Work that must happen once runs on the leader only (a lease in the catalog); the heartbeat
    // of this master's own row runs everywhere.
    this.leaderLease = new LeaderLease(jdbi, name, settings.leaderLease()).start();
    this.housekeeping = new LeaderWork(leaderLease::isLeader);
    ExpiredLeases expired = new ExpiredLeases(jdbi, settings.grace());
    ExpiredServerExecutions expiredServerExecutions =
        new ExpiredServerExecutions(jdbi, settings.grace());
    TaskTimeouts timeouts = new TaskTimeouts(jdbi, settings.taskTimeout());
    CompletedTaskCleanup cleanup =
        new CompletedTaskCleanup(jdbi, settings.cleanupCompletedTasksInterval());
    RetentionSchedule retention =
        new RetentionSchedule(jdbi, catalog.operations(), settings.retentionCleanupInterval());
    housekeeping.onLeader(
        settings.expiredTaskCheckInterval(),
        "expired-lease check",
        () -> {
          lost.addAndGet(expired.check());
          expiredServerExecutions.check();
          timedOut.addAndGet(timeouts.check());
        });
    housekeeping.onLeader(
        settings.cleanupCompletedTasksInterval(), "completed-task cleanup", cleanup::run);
    housekeeping.onLeader(retention.checkEvery(), "retention cleanup", retention::runIfDue);
    housekeeping.onEveryMaster(
        settings.masterHeartbeatInterval(), "master heartbeat", () -> nodes.heartbeat(name));
    Gauge.builder("sluice_server_executions_running", serverExecutions, ServerExecutions::running)
        .description("server-mode executions this master runs now itself")
        .register(metrics);
    Gauge.builder("sluice_leader", leaderLease, lease -> lease.isLeader() ? 1 : 0)
        .description("1 while this master holds the leader lease (does the once-only work)")
        .register(metrics);
    log.info("master {} started: {}", name, String.join(", ", settings.describe()));
  }

  /** Starts a master on an open catalog (the caller keeps and closes the catalog). */
  public static Master start(MasterSettings settings, Catalog catalog, CatalogContext context) {
    return new Master(settings, catalog, context);
  }

  public String name() {
    return name;
  }

  public int workerPort() {
    return server.workerPort();
  }

  public int managementPort() {
    return server.managementPort();
  }

  /** The HTTP routes the master serves, as {@code METHOD PATH}: see {@link MasterServer#routes}. */
  public List<String> routes() {
    return server.routes();
  }

  /** Polls waiting for a task now. */
  public int waitingPolls() {
    return dispatcher.waiting();
  }

  public MasterSettings settings() {
    return settings;
  }

  /** This master's part in the leader election (whether it leads, its term). */
  public LeaderLease leaderLease() {
    return leaderLease;
  }

  /**
   * Gives back tasks whose poll answer did not reach the worker; one that cannot be (the catalog is
   * away) is left to its lease, as any lost attempt.
   */
  private static void giveBack(UndeliveredTasks tasks, TaskDispatcher.Undelivered undelivered) {
    for (TaskAssignment task : undelivered.tasks()) {
      try {
        if (!tasks.giveBack(undelivered.workerId(), task.taskId(), task.attempt())) {
          log.info(
              "task {} attempt {} not given back: it was reported on or ended meanwhile",
              task.taskId(),
              task.attempt());
        }
      } catch (RuntimeException e) {
        log.warn(
            "cannot give back task {} attempt {} now; its lease will expire: {}",
            task.taskId(),
            task.attempt(),
            e.getMessage());
      }
    }
  }

  private void counter(String metric, String description, AtomicLong value) {
    FunctionCounter.builder(metric, value, AtomicLong::get)
        .description(description)
        .register(metrics);
  }

  @Override
  public void close() {
    housekeeping.close();
    leaderLease.close(); // hands the lease over at once instead of after it runs out
    // Waiting polls are answered (empty) first, so the server does not wait for them to stop.
    dispatcher.close();
    server.close();
    serverExecutions.close();
    listener.close();
    monitoring.close();
    metrics.close();
  }

  /** Counts the attempts handed out, for the metrics. */
  private static final class CountingAssigner extends TaskAssigner {
    private final AtomicLong counter;

    CountingAssigner(Jdbi jdbi, Duration lease, AtomicLong counter) {
      super(jdbi, lease);
      this.counter = counter;
    }

    @Override
    public List<Assigned> assign(java.util.UUID workerId, int slots) {
      List<Assigned> result = super.assign(workerId, slots);
      counter.addAndGet(result.size());
      return result;
    }
  }
}
