package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.database.ArrayColumns;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.monitoring.ExecutionEvents;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.project.StoredArchives;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What runs executions (the in-process engine, the Scale Out master) uses: status changes of a run,
 * its decrypted parameters, and its logs. Not part of {@link io.sluice.catalog.Catalog}: a remote
 * client must never get clear sensitive values.
 *
 * <p>Status changes are optimistic updates decided by their row count: a runner that lost a race
 * (the execution was stopped or already ended) learns it from a {@code false}, never overwrites.
 *
 * <p>Log rows are accepted only while the execution is 2 running or 8 stopping, and their times are
 * kept between the execution's creation and the catalog's clock at insert. That is what lets
 * readers and the retention cleanup bound the day partitions by the execution's own times.
 */
public final class ExecutionRuntime {

  private final CatalogContext context;
  private final Jdbi jdbi;

  public ExecutionRuntime(CatalogContext context) {
    this.context = context;
    this.jdbi = context.database().jdbi();
  }

  /** 5 pending to 2 running, run in-process; false if it is no longer pending (e.g. stopped). */
  public boolean markRunning(long executionId) {
    return markRunning(executionId, null);
  }

  /** 5 pending to 2 running on a Scale Out worker; false if it is no longer pending. */
  public boolean markRunning(long executionId, UUID workerAgentId) {
    return jdbi.inTransaction(
        handle -> {
          int changed =
              handle
                  .createUpdate(
                      """
                      update execution
                      set status = 2, executed_count = executed_count + 1,
                          worker_agent_id = cast(:workerId as uuid)
                      where execution_id = :executionId and status = 5
                      """)
                  .bind("workerId", workerAgentId)
                  .bind("executionId", executionId)
                  .execute();
          if (changed == 1) {
            JdbcExecutions.setOperationStatus(handle, executionId, OperationStatus.RUNNING, false);
          }
          return changed == 1;
        });
  }

  /**
   * Ends a pending, running or stopping execution with a final status (3 canceled, 4 failed, 6
   * ended unexpectedly, 7 succeeded, 9 completed); false if it had ended already.
   */
  public boolean finish(long executionId, OperationStatus outcome) {
    if (!outcome.isFinal()) {
      throw new IllegalArgumentException("an execution ends with a final status, not " + outcome);
    }
    return jdbi.inTransaction(
        handle -> {
          Optional<ExecutionEvents.EndedExecution> ended =
              handle
                  .createQuery(
                      "update execution set status = :outcome, end_time = now()"
                          + " where execution_id = :executionId and status in (2, 5, 8)"
                          + " returning "
                          + ExecutionEvents.ENDED_COLUMNS)
                  .bind("outcome", outcome.code())
                  .bind("executionId", executionId)
                  .map((rs, ctx) -> ExecutionEvents.endedRow(rs))
                  .findOne();
          if (ended.isPresent()) {
            JdbcExecutions.setOperationStatus(handle, executionId, outcome, true);
            ExecutionEvents.ended(handle, ended.get());
          }
          return ended.isPresent();
        });
  }

  /**
   * The project archive of the version the execution was created on (decrypted when it holds a
   * sensitive design default), to run its package.
   */
  public byte[] archive(long executionId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    select v.archive, v.archive_encrypted
                    from execution e
                    join project_version v on v.version_id = e.project_version_id
                    where e.execution_id = :executionId
                    """)
                .bind("executionId", executionId)
                .map(StoredArchives.mapper(context.cipher()))
                .findOne()
                .orElseThrow(
                    () ->
                        CatalogException.notFound(
                            "execution " + executionId + " or its project version does not exist",
                            "list executions with: sluice catalog executions list")));
  }

  /**
   * Every parameter value of a started execution (pending, running or stopping), sensitive ones
   * DECRYPTED: the only place they are. Hand them to the package and nowhere else.
   */
  public List<ResolvedParameter> resolvedParameters(long executionId) {
    return jdbi.withHandle(
        handle -> {
          Execution execution = ExecutionRows.get(handle, executionId);
          OperationStatus status = execution.state();
          if (status != OperationStatus.PENDING
              && status != OperationStatus.RUNNING
              && status != OperationStatus.STOPPING) {
            throw CatalogException.conflict(
                "execution "
                    + executionId
                    + " is "
                    + status.display()
                    + ": its parameter values are given out only to run it",
                "start it first; an ended execution is not run again");
          }
          return handle
              .createQuery(
                  """
                  select object_type, parameter_name, data_type, sensitive, value, value_secret
                  from execution_parameter_value
                  where execution_id = :executionId
                  order by object_type, parameter_name
                  """)
              .bind("executionId", executionId)
              .map(
                  (rs, ctx) ->
                      new ResolvedParameter(
                          rs.getInt("object_type"),
                          rs.getString("parameter_name"),
                          rs.getString("data_type"),
                          rs.getBoolean("sensitive"),
                          SealedValues.read(context.cipher(), rs)))
              .list();
        });
  }

  /**
   * The property overrides of an execution (dtexec's /SET and /CONNECTION), in the order they
   * apply, their values DECRYPTED: hand them to the package and nowhere else.
   */
  public List<io.sluice.engine.project.PropertyOverride> propertyOverrides(long executionId) {
    return jdbi.withHandle(handle -> ExecutionOverrides.resolved(context, handle, executionId));
  }

  /**
   * Stores a batch of event messages of a running (or stopping) execution, in one transaction.
   * Refused (CONFLICT) when the execution is in any other status: a runner that gets this should
   * stop, its execution was ended without it.
   */
  public void recordEvents(long executionId, List<NewEventMessage> events) {
    if (events.isEmpty()) {
      return;
    }
    jdbi.useTransaction(handle -> recordEvents(handle, executionId, events));
  }

  /**
   * As {@link #recordEvents(long, List)}, inside the caller's transaction: the Scale Out master
   * stores a worker's batch together with its sequence number, so a batch is stored exactly once.
   */
  public static void recordEvents(Handle handle, long executionId, List<NewEventMessage> events) {
    if (events.isEmpty()) {
      return;
    }
    recordEvents(handle, executionId, lockRunning(handle, executionId, "its events"), events);
  }

  /**
   * As {@link #recordEvents(Handle, long, List)} for a caller that already holds the execution's
   * row locked while it is running or stopping, and read its {@code createdTime} (the Scale Out
   * master locks it with the task row): a statement fewer per batch.
   */
  public static void recordEvents(
      Handle handle, long executionId, Instant createdTime, List<NewEventMessage> events) {
    if (events.isEmpty()) {
      return;
    }
    new ArrayColumns<>(events)
        .instants("times", NewEventMessage::messageTime)
        .column("types", Integer.class, NewEventMessage::messageType)
        .column("sourceTypes", Integer.class, NewEventMessage::messageSourceType)
        .column("messages", String.class, NewEventMessage::message)
        .column("packageNames", String.class, NewEventMessage::packageName)
        .column("eventNames", String.class, NewEventMessage::eventName)
        .column("sourceNames", String.class, NewEventMessage::messageSourceName)
        .column("subcomponentNames", String.class, NewEventMessage::subcomponentName)
        .column("packagePaths", String.class, NewEventMessage::packagePath)
        .column("executionPaths", String.class, NewEventMessage::executionPath)
        .column("threadIds", Integer.class, NewEventMessage::threadId)
        .column("codes", Integer.class, NewEventMessage::messageCode)
        .bindTo(handle.createUpdate(INSERT_EVENTS))
        .bind("executionId", executionId)
        .bind("createdTime", createdTime)
        .execute();
  }

  /**
   * A batch of events is ONE statement over arrays (a row per element, in the batch's order), not a
   * statement per event: the dispatch benchmark showed per-row statements as a large part of what a
   * short execution costs the master and the catalog.
   */
  private static final String INSERT_EVENTS =
      """
      insert into event_message (operation_id, message_time, message_type, message_source_type,
                                 message, package_name, event_name, message_source_name,
                                 subcomponent_name, package_path, execution_path, thread_id,
                                 message_code)
      select :executionId,
             least(greatest(coalesce(e.time, clock_timestamp()), cast(:createdTime as timestamptz)),
                   clock_timestamp()),
             e.type, e.source_type, e.message, e.package_name, e.event_name, e.source_name,
             e.subcomponent_name, e.package_path, e.execution_path, e.thread_id, e.code
      from unnest(cast(:times as timestamptz[]), cast(:types as integer[]),
                  cast(:sourceTypes as integer[]), cast(:messages as text[]),
                  cast(:packageNames as text[]), cast(:eventNames as text[]),
                  cast(:sourceNames as text[]), cast(:subcomponentNames as text[]),
                  cast(:packagePaths as text[]), cast(:executionPaths as text[]),
                  cast(:threadIds as integer[]), cast(:codes as integer[]))
           with ordinality
           as e(time, type, source_type, message, package_name, event_name, source_name,
                subcomponent_name, package_path, execution_path, thread_id, code, position)
      order by e.position
      """;

  /**
   * Stores executable statistics of a running (or stopping) execution; as {@link #recordEvents}.
   */
  public void recordExecutableStatistics(long executionId, List<ExecutableStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    jdbi.useTransaction(handle -> recordExecutableStatistics(handle, executionId, statistics));
  }

  /**
   * As {@link #recordExecutableStatistics(long, List)}, inside the caller's transaction: the Scale
   * Out master stores a worker's batch together with its sequence number, so a batch is stored
   * exactly once.
   */
  public static void recordExecutableStatistics(
      Handle handle, long executionId, List<ExecutableStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    recordExecutableStatistics(
        handle, executionId, lockRunning(handle, executionId, "its statistics"), statistics);
  }

  /** As {@link #recordEvents(Handle, long, Instant, List)}, for executable statistics. */
  public static void recordExecutableStatistics(
      Handle handle, long executionId, Instant createdTime, List<ExecutableStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    new ArrayColumns<>(statistics)
        .column("names", String.class, ExecutableStatistic::executableName)
        .column("paths", String.class, ExecutableStatistic::executablePath)
        .column("executionPaths", String.class, ExecutableStatistic::executionPath)
        .instants("startTimes", ExecutableStatistic::startTime)
        .instants("endTimes", ExecutableStatistic::endTime)
        .column("durations", Long.class, ExecutableStatistic::durationMs)
        .column("results", Integer.class, ExecutableStatistic::executionResult)
        .column("values", String.class, ExecutableStatistic::executionValue)
        .bindTo(handle.createUpdate(INSERT_EXECUTABLE_STATISTICS))
        .bind("executionId", executionId)
        .bind("createdTime", createdTime)
        .execute();
  }

  /** One statement per batch, as {@link #INSERT_EVENTS}. */
  private static final String INSERT_EXECUTABLE_STATISTICS =
      """
      insert into executable_statistics (execution_id, executable_name, executable_path,
                                         execution_path, start_time, end_time, duration_ms,
                                         execution_result, execution_value)
      select :executionId, s.name, s.path, s.execution_path,
             least(greatest(s.start_time, cast(:createdTime as timestamptz)), clock_timestamp()),
             s.end_time, s.duration_ms, s.result, s.value
      from unnest(cast(:names as text[]), cast(:paths as text[]),
                  cast(:executionPaths as text[]), cast(:startTimes as timestamptz[]),
                  cast(:endTimes as timestamptz[]), cast(:durations as bigint[]),
                  cast(:results as integer[]), cast(:values as text[]))
           with ordinality
           as s(name, path, execution_path, start_time, end_time, duration_ms, result, value,
                position)
      order by s.position
      """;

  /** Stores data-flow statistics of a running (or stopping) execution; as {@link #recordEvents}. */
  public void recordDataStatistics(long executionId, List<DataFlowStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    jdbi.useTransaction(handle -> recordDataStatistics(handle, executionId, statistics));
  }

  /**
   * As {@link #recordDataStatistics(long, List)}, inside the caller's transaction: the Scale Out
   * master stores a worker's batch together with its sequence number, so a batch is stored exactly
   * once.
   */
  public static void recordDataStatistics(
      Handle handle, long executionId, List<DataFlowStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    recordDataStatistics(
        handle,
        executionId,
        lockRunning(handle, executionId, "its data-flow statistics"),
        statistics);
  }

  /** As {@link #recordEvents(Handle, long, Instant, List)}, for data-flow statistics. */
  public static void recordDataStatistics(
      Handle handle, long executionId, Instant createdTime, List<DataFlowStatistic> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    new ArrayColumns<>(statistics)
        .column("packageNames", String.class, DataFlowStatistic::packageName)
        .column("taskNames", String.class, DataFlowStatistic::taskName)
        .column("pathIds", String.class, DataFlowStatistic::dataflowPathIdString)
        .column("pathNames", String.class, DataFlowStatistic::dataflowPathName)
        .column("sources", String.class, DataFlowStatistic::sourceComponentName)
        .column("destinations", String.class, DataFlowStatistic::destinationComponentName)
        .column("rowsSent", Long.class, DataFlowStatistic::rowsSent)
        .instants("times", DataFlowStatistic::createdTime)
        .bindTo(handle.createUpdate(INSERT_DATA_STATISTICS))
        .bind("executionId", executionId)
        .bind("createdTime", createdTime)
        .execute();
    ExecutionEvents.rowsMoved(
        handle, statistics.stream().mapToLong(DataFlowStatistic::rowsSent).sum());
  }

  /** One statement per batch, as {@link #INSERT_EVENTS}. */
  private static final String INSERT_DATA_STATISTICS =
      """
      insert into execution_data_statistics (execution_id, package_name, task_name,
                                             dataflow_path_id_string, dataflow_path_name,
                                             source_component_name, destination_component_name,
                                             rows_sent, created_time)
      select :executionId, d.package_name, d.task_name, d.path_id, d.path_name, d.source,
             d.destination, d.rows_sent,
             least(greatest(coalesce(d.time, clock_timestamp()), cast(:createdTime as timestamptz)),
                   clock_timestamp())
      from unnest(cast(:packageNames as text[]), cast(:taskNames as text[]),
                  cast(:pathIds as text[]), cast(:pathNames as text[]),
                  cast(:sources as text[]), cast(:destinations as text[]),
                  cast(:rowsSent as bigint[]), cast(:times as timestamptz[]))
           with ordinality
           as d(package_name, task_name, path_id, path_name, source, destination, rows_sent, time,
                position)
      order by d.position
      """;

  /**
   * Holds the execution's row (shared) until the batch commits, so it cannot end in between;
   * returns its created time. Refuses an execution that is not running or stopping.
   */
  private static Instant lockRunning(Handle handle, long executionId, String what) {
    return handle
        .createQuery(
            """
            select created_time from execution
            where execution_id = :executionId and status in (2, 8)
            for share
            """)
        .bind("executionId", executionId)
        .mapTo(Instant.class)
        .findOne()
        .orElseThrow(
            () -> {
              String status =
                  ExecutionRows.find(handle, executionId)
                      .map(e -> "it is " + e.state().display())
                      .orElse("it does not exist");
              return CatalogException.conflict(
                  "execution "
                      + executionId
                      + " is not running, so "
                      + what
                      + " are refused: "
                      + status,
                  "stop running it: it was stopped or ended meanwhile");
            });
  }
}
