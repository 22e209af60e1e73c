package io.sluice.master.serverexecution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.monitoring.ExecutionEvents;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.master.serverexecution.child.ChildLine;
import io.sluice.master.serverexecution.child.ChildRequest;
import io.sluice.master.serverexecution.child.PackageRun;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a started server-mode execution, as SSIS runs catalog executions on the catalog server: 5
 * pending -> 2 running -> a final status, with its events and statistics stored in the catalog as
 * it goes. A stop request (status 8 stopping, from any process) cancels the package within {@value
 * #STOP_POLL_MILLIS} ms.
 *
 * <p>Where the package runs depends on who runs it. A master ({@link #runClaimed}) runs it in a
 * child process of its own ({@link ChildProcessRun}), as SSIS runs each one in an ISServerExec.exe:
 * the project's code (Script tasks, plugins, {@code lib/} jars) never loads in the process that
 * holds the catalog's credentials and key and serves every other user, and a package that exhausts
 * its memory, calls {@code System.exit} or never stops takes only its own process down. The master
 * keeps the claim, the lease, the stop watch and every catalog write. The CLI ({@link #run}) runs
 * it in its own process, like {@code sluice run}: the user's own explicit run, on their machine.
 */
public final class ServerExecutor {

  private static final long STOP_POLL_MILLIS = 500;

  private final Catalog catalog;
  private final ExecutionRuntime runtime;
  private final Jdbi jdbi;
  private final ChildProcessRun children;

  /** An executor whose master runs start children with the default JVM options. */
  public ServerExecutor(Catalog catalog, CatalogContext context) {
    this(catalog, context, ChildJvm.defaults());
  }

  /** An executor whose master runs ({@link #runClaimed}) start children as {@code childJvm}. */
  public ServerExecutor(Catalog catalog, CatalogContext context, ChildJvm childJvm) {
    this.catalog = catalog;
    this.runtime = new ExecutionRuntime(context);
    this.jdbi = context.database().jdbi();
    this.children = new ChildProcessRun(childJvm);
  }

  /**
   * Runs execution {@code executionId}, which must be pending, in this process. Returns its final
   * status; when another runner took it first (or it was stopped before it began), its current
   * status.
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
        (request, run, sink) ->
            new ChildProcessRun.Ended(run.run(files, project, sink, cancellation), 0),
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
        handle -> {
          List<Long> claimed =
              handle
                  .createQuery(CLAIM_PENDING)
                  .bind("count", count)
                  .bind("holder", holder)
                  .bind("leaseMillis", lease.toMillis())
                  .mapTo(Long.class)
                  .list();
          ExecutionEvents.started(handle, claimed.size());
          return claimed;
        });
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
   * Runs an execution this process claimed with {@link #claimPending}, under its {@code lease}, in
   * a child process: anything that keeps it from running (a project that no longer parses) ends it
   * 4 failed with the reason in its messages; a lost lease stops the package and ends it 6 (ended
   * unexpectedly); a child that dies before it reports ends it 6 with its exit code.
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
    byte[] archive;
    try {
      archive = runtime.archive(executionId);
    } catch (RuntimeException e) {
      recordFailure(executionId, e.getMessage());
      runtime.finish(executionId, OperationStatus.FAILED);
      return OperationStatus.FAILED;
    }
    CancellationToken cancellation = lease.cancellation();
    return execute(
        execution,
        Math.max(1, execution.executedCount()),
        (request, run, sink) -> children.run(request, archive, sink, cancellation, run.secrets()),
        cancellation,
        lease::lostBecause);
  }

  /** Runs the package of {@code request}, here or elsewhere, its events going to {@code sink}. */
  private interface Runner {
    ChildProcessRun.Ended run(ChildRequest request, PackageRun run, CatalogEventSink sink);
  }

  /**
   * @param cancellation canceled to stop the package (by the stop watch, or a lost lease)
   * @param lostBecause why the run lost its lease, or null: it then ends 6, not 3 canceled
   */
  private OperationStatus execute(
      Execution execution,
      int attempt,
      Runner runner,
      CancellationToken cancellation,
      Supplier<String> lostBecause) {
    long executionId = execution.executionId();
    ChildProcessRun.Ended ended;
    PackageRun run = null;
    try (CatalogEventSink sink = new CatalogEventSink(runtime, executionId);
        StopWatch stopWatch = new StopWatch(executionId, cancellation, sink)) {
      ChildRequest request =
          new ChildRequest(
              null,
              executionId,
              attempt,
              execution.packageName(),
              execution.loggingLevel(),
              runtime.resolvedParameters(executionId).stream()
                  .map(
                      p ->
                          new ParameterValue(
                              p.objectType(), p.name(), p.dataType(), p.sensitive(), p.value()))
                  .toList(),
              runtime.propertyOverrides(executionId).stream()
                  .map(o -> new PropertyOverrideValue(o.path(), o.value(), o.sensitive()))
                  .toList());
      // The run masks the sensitive values in its events; its secrets also mask what is said here
      // (a failure around the run) before the catalog or a caller sees it.
      run = new PackageRun(request);
      ended = runner.run(request, run, sink);
    } catch (RuntimeException e) {
      RuntimeException masked = run == null ? e : run.secrets().maskFailure(e);
      recordFailure(executionId, masked.getMessage());
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
                    Instant.now(), MessageType.ERROR, "the run was stopped: " + lost)));
      } catch (RuntimeException catalogAway) {
        // the leader's message says it when the lease runs out
      }
      runtime.finish(executionId, OperationStatus.ENDED_UNEXPECTEDLY);
      return catalog.executions().get(executionId).state();
    }
    ChildLine.Result result = ended.result();
    if (result == null && !cancellation.isCancelled()) {
      recordError(
          executionId,
          "the server-mode process of execution "
              + executionId
              + " died with exit code "
              + ended.exitCode()
              + " before the package ended (killed, out of memory, or System.exit in the"
              + " project's code); its last output is in the master's log; hint: start the"
              + " execution again, and give it more memory (serverExecutionJvmOptions) if it ran"
              + " out");
      runtime.finish(executionId, OperationStatus.ENDED_UNEXPECTEDLY);
      return catalog.executions().get(executionId).state();
    }
    if (result != null && result.failure() != null) {
      recordFailure(executionId, result.failure());
      runtime.finish(executionId, OperationStatus.FAILED);
      return catalog.executions().get(executionId).state();
    }
    // No result, but asked to stop: the child was killed after it did not stop in time.
    OperationStatus outcome =
        result == null
            ? OperationStatus.CANCELED
            : switch (result.status()) {
              case SUCCESS -> OperationStatus.SUCCEEDED;
              case FAILURE -> OperationStatus.FAILED;
              case CANCELED -> OperationStatus.CANCELED;
            };
    runtime.finish(executionId, outcome);
    return catalog.executions().get(executionId).state();
  }

  private void recordFailure(long executionId, String why) {
    recordError(executionId, "the execution could not run: " + why);
  }

  private void recordError(long executionId, String message) {
    try {
      runtime.recordEvents(
          executionId, List.of(NewEventMessage.of(Instant.now(), MessageType.ERROR, message)));
    } catch (RuntimeException catalogAway) {
      // the status below still says it ended; the catalog was unreachable for its message
    }
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
