package io.sluice.master.serverexecution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.execution.ResolvedParameter;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a started server-mode execution in this process, as SSIS runs catalog executions on the
 * catalog server: 5 pending -> 2 running -> a final status, with its events and statistics stored
 * in the catalog as it goes. A stop request (status 8 stopping, from any process) cancels the
 * package within {@value #STOP_POLL_MILLIS} ms.
 */
public final class ServerExecutor {

  private static final long STOP_POLL_MILLIS = 500;

  private final Catalog catalog;
  private final ExecutionRuntime runtime;
  private final Jdbi jdbi;

  public ServerExecutor(Catalog catalog, CatalogContext context) {
    this.catalog = catalog;
    this.runtime = new ExecutionRuntime(context);
    this.jdbi = context.database().jdbi();
  }

  /**
   * Runs execution {@code executionId}, which must be pending. Returns its final status; when
   * another runner took it first (or it was stopped before it began), its current status.
   *
   * <p>It is claimed by the same conditional update (5 pending to 2 running) a master uses, so a
   * master and this call never both run it.
   */
  public OperationStatus run(long executionId) {
    return run(executionId, new CancellationToken());
  }

  /** {@link #run(long)}, canceled (it then ends 3 canceled) through {@code cancellation}. */
  public OperationStatus run(long executionId, CancellationToken cancellation) {
    Execution execution = catalog.executions().get(executionId);
    ProjectFiles files = ProjectFiles.fromArchive(runtime.archive(executionId));
    Project project = ProjectParser.parse(files);
    if (!runtime.markRunning(executionId)) {
      return catalog.executions().get(executionId).state();
    }
    // Run by a process that is not a master (the CLI): no lease, nothing else may end it.
    return execute(
        execution,
        Math.max(1, execution.executedCount() + 1),
        files,
        project,
        cancellation,
        () -> null);
  }

  /**
   * Claims up to {@code count} started server-mode executions (5 pending, not Scale Out) for master
   * {@code holder}, oldest first: each moves to 2 running in one transaction, taken with {@code
   * SKIP LOCKED} so that several masters (and a CLI claiming one with {@link #run}) never take the
   * same execution, and never wait on each other. Each gets a lease of {@code lease} on the
   * catalog's clock, held by {@code holder} ({@link ServerExecutionLeases}).
   */
  public List<Long> claimPending(int count, String holder, Duration lease) {
    return jdbi.inTransaction(
        handle ->
            handle
                .createQuery(CLAIM_PENDING)
                .bind("count", count)
                .bind("holder", holder)
                .bind("leaseMillis", lease.toMillis())
                .mapTo(Long.class)
                .list());
  }

  private static final String CLAIM_PENDING =
      """
      with claimed as (
          select execution_id from execution
          where status = 5 and not run_in_scale_out
          order by start_time, execution_id
          limit :count
          for update skip locked
      ), running as (
          update execution e
          set status = 2, executed_count = e.executed_count + 1,
              server_lease_holder = :holder,
              server_lease_expires_at = now() + :leaseMillis * interval '1 millisecond'
          from claimed c
          where e.execution_id = c.execution_id
          returning e.execution_id
      ), operation_running as (
          update operation set status = 2
          where operation_id in (select execution_id from running)
      )
      select execution_id from running order by execution_id
      """;

  /**
   * Runs an execution this process claimed with {@link #claimPending}, under its {@code lease}:
   * anything that keeps it from running (a project that no longer parses) ends it 4 failed with the
   * reason in its messages; a lost lease stops the package and ends it 6 (ended unexpectedly).
   */
  public OperationStatus runClaimed(long executionId, ServerExecutionLeases.Held lease) {
    try {
      return runLeased(executionId, lease);
    } finally {
      lease.release();
    }
  }

  private OperationStatus runLeased(long executionId, ServerExecutionLeases.Held lease) {
    Execution execution = catalog.executions().get(executionId);
    ProjectFiles files;
    Project project;
    try {
      files = ProjectFiles.fromArchive(runtime.archive(executionId));
      project = ProjectParser.parse(files);
    } catch (RuntimeException e) {
      recordFailure(executionId, e);
      runtime.finish(executionId, OperationStatus.FAILED);
      return OperationStatus.FAILED;
    }
    return execute(
        execution,
        Math.max(1, execution.executedCount()),
        files,
        project,
        lease.cancellation(),
        lease::lostBecause);
  }

  /**
   * @param cancellation canceled to stop the package (by the stop watch, or a lost lease)
   * @param lostBecause why the run lost its lease, or null: it then ends 6, not 3 canceled
   */
  private OperationStatus execute(
      Execution execution,
      int attempt,
      ProjectFiles files,
      Project project,
      CancellationToken cancellation,
      Supplier<String> lostBecause) {
    long executionId = execution.executionId();
    RunResult result;
    // The engine masks the sensitive values in its events; this masks what is said here (a value
    // the project cannot type, any failure around the run) before the catalog or a caller sees it.
    SecretMask secrets = new SecretMask();
    try (CatalogEventSink sink = new CatalogEventSink(runtime, executionId);
        StopWatch stopWatch = new StopWatch(executionId, cancellation, sink)) {
      LoggingLevel level = LoggingLevel.fromCode(execution.loggingLevel());
      PackageDefinition pkg =
          project
              .findPackage(execution.packageName())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "package " + execution.packageName() + " is not in the stored project"));
      List<ResolvedParameter> resolved = runtime.resolvedParameters(executionId);
      resolved.stream().filter(ResolvedParameter::sensitive).forEach(p -> secrets.add(p.value()));
      ParameterValues values = parameterValues(project, pkg, resolved);
      List<PropertyOverride> overrides = runtime.propertyOverrides(executionId);
      for (PropertyOverride o : overrides) {
        if (o.sensitive()) {
          secrets.add(o.value());
        }
        PropertyOverrides.credentialsIn(o.value()).forEach(secrets::add);
      }
      RunOptions options =
          RunOptions.defaults()
              .withLoggingLevel(level)
              .withExecution(executionId, attempt)
              .withCancellation(cancellation);
      result =
          new PackageRunner(project, files)
              .run(
                  pkg.name(),
                  values,
                  PropertyOverrides.of(overrides),
                  options,
                  EventSink.filtered(sink, level));
    } catch (RuntimeException e) {
      RuntimeException masked = secrets.maskFailure(e);
      recordFailure(executionId, masked);
      runtime.finish(executionId, OperationStatus.FAILED);
      throw masked;
    }
    String lost = lostBecause.get();
    if (lost != null) {
      // The leader may end it too, once the lease has run out: whichever comes first wins.
      try {
        runtime.recordEvents(
            executionId,
            List.of(
                NewEventMessage.of(
                    java.time.Instant.now(), MessageType.ERROR, "the run was stopped: " + lost)));
      } catch (RuntimeException catalogAway) {
        // the leader's message says it when the lease runs out
      }
      runtime.finish(executionId, OperationStatus.ENDED_UNEXPECTEDLY);
      return catalog.executions().get(executionId).state();
    }
    OperationStatus outcome =
        switch (result.status()) {
          case SUCCESS -> OperationStatus.SUCCEEDED;
          case FAILURE -> OperationStatus.FAILED;
          case CANCELED -> OperationStatus.CANCELED;
        };
    runtime.finish(executionId, outcome);
    return catalog.executions().get(executionId).state();
  }

  private void recordFailure(long executionId, RuntimeException e) {
    try {
      runtime.recordEvents(
          executionId,
          List.of(
              NewEventMessage.of(
                  java.time.Instant.now(),
                  MessageType.ERROR,
                  "the execution could not run: " + e.getMessage())));
    } catch (RuntimeException alsoFailed) {
      e.addSuppressed(alsoFailed);
    }
  }

  /** The resolved values, typed by the project's own parameter definitions. */
  static ParameterValues parameterValues(
      Project project, PackageDefinition pkg, List<ResolvedParameter> resolved) {
    Map<String, ParameterDefinition> projectParameters = byName(project.parameters());
    Map<String, ParameterDefinition> packageParameters = byName(pkg.parameters());
    Map<String, Object> projectValues = new HashMap<>();
    Map<String, Object> packageValues = new HashMap<>();
    for (ResolvedParameter p : resolved) {
      if (p.value() == null) {
        continue;
      }
      if (p.objectType() == 20 && projectParameters.containsKey(p.name())) {
        projectValues.put(
            p.name(), ParameterValues.typed(projectParameters.get(p.name()).type(), p.value()));
      } else if (p.objectType() == 30 && packageParameters.containsKey(p.name())) {
        packageValues.put(
            p.name(), ParameterValues.typed(packageParameters.get(p.name()).type(), p.value()));
      }
    }
    return new ParameterValues(projectValues, packageValues);
  }

  private static Map<String, ParameterDefinition> byName(List<ParameterDefinition> parameters) {
    return parameters.stream()
        .collect(Collectors.toMap(ParameterDefinition::name, Function.identity()));
  }

  /** Cancels the package when the execution is asked to stop, or its logs are refused. */
  private final class StopWatch implements AutoCloseable {

    private final ScheduledExecutorService poller;

    StopWatch(long executionId, CancellationToken cancellation, CatalogEventSink sink) {
      poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sluice-stop-watch-" + executionId);
                t.setDaemon(true);
                return t;
              });
      poller.scheduleWithFixedDelay(
          () -> {
            try {
              OperationStatus status = catalog.executions().get(executionId).state();
              if (status != OperationStatus.RUNNING || sink.rejected()) {
                cancellation.cancel();
              }
            } catch (RuntimeException catalogUnreachable) {
              // keep running; the next poll tries again
            }
          },
          STOP_POLL_MILLIS,
          STOP_POLL_MILLIS,
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      poller.shutdownNow();
    }
  }
}
