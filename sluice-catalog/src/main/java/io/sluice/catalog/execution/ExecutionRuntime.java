package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.project.StoredArchives;
import java.time.Instant;
import java.util.List;
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
          int changed =
              handle
                  .createUpdate(
                      """
                      update execution set status = :outcome, end_time = now()
                      where execution_id = :executionId and status in (2, 5, 8)
                      """)
                  .bind("outcome", outcome.code())
                  .bind("executionId", executionId)
                  .execute();
          if (changed == 1) {
            JdbcExecutions.setOperationStatus(handle, executionId, outcome, true);
          }
          return changed == 1;
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
                .map(
                    (rs, ctx) ->
                        StoredArchives.read(
                            context.cipher(),
                            rs.getBytes("archive"),
                            rs.getBoolean("archive_encrypted")))
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
                  (rs, ctx) -> {
                    byte[] secret = rs.getBytes("value_secret");
                    return new ResolvedParameter(
                        rs.getInt("object_type"),
                        rs.getString("parameter_name"),
                        rs.getString("data_type"),
                        rs.getBoolean("sensitive"),
                        secret == null ? rs.getString("value") : context.cipher().decrypt(secret));
                  })
              .list();
        });
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
    var batch =
        handle.prepareBatch(
            """
              insert into event_message (operation_id, message_time, message_type,
                                         message_source_type, message, package_name,
                                         event_name, message_source_name, subcomponent_name,
                                         package_path, execution_path, thread_id, message_code)
              values (:executionId,
                      least(greatest(coalesce(cast(:time as timestamptz), clock_timestamp()),
                                     cast(:createdTime as timestamptz)),
                            clock_timestamp()),
                      :type, :sourceType, :message, :packageName,
                      :eventName, :sourceName, :subcomponentName,
                      :packagePath, :executionPath, :threadId, :code)
              """);
    for (NewEventMessage event : events) {
      batch
          .bind("executionId", executionId)
          .bind("time", event.messageTime())
          .bind("createdTime", createdTime)
          .bind("type", event.messageType())
          .bind("sourceType", event.messageSourceType())
          .bind("message", event.message())
          .bind("packageName", event.packageName())
          .bind("eventName", event.eventName())
          .bind("sourceName", event.messageSourceName())
          .bind("subcomponentName", event.subcomponentName())
          .bind("packagePath", event.packagePath())
          .bind("executionPath", event.executionPath())
          .bind("threadId", event.threadId())
          .bind("code", event.messageCode())
          .add();
    }
    batch.execute();
  }

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
    var batch =
        handle.prepareBatch(
            """
              insert into executable_statistics (execution_id, executable_name, executable_path,
                                                 execution_path, start_time, end_time,
                                                 duration_ms, execution_result, execution_value)
              values (:executionId, :name, :path, :executionPath,
                      least(greatest(cast(:startTime as timestamptz),
                                     cast(:createdTime as timestamptz)),
                            clock_timestamp()),
                      :endTime, :durationMs, :result, :value)
              """);
    for (ExecutableStatistic statistic : statistics) {
      batch
          .bind("executionId", executionId)
          .bind("name", statistic.executableName())
          .bind("path", statistic.executablePath())
          .bind("executionPath", statistic.executionPath())
          .bind("startTime", statistic.startTime())
          .bind("createdTime", createdTime)
          .bind("endTime", statistic.endTime())
          .bind("durationMs", statistic.durationMs())
          .bind("result", statistic.executionResult())
          .bind("value", statistic.executionValue())
          .add();
    }
    batch.execute();
  }

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
    var batch =
        handle.prepareBatch(
            """
              insert into execution_data_statistics (execution_id, package_name, task_name,
                                                     dataflow_path_id_string,
                                                     dataflow_path_name, source_component_name,
                                                     destination_component_name, rows_sent,
                                                     created_time)
              values (:executionId, :packageName, :taskName, :pathId, :pathName, :source,
                      :destination, :rowsSent,
                      least(greatest(coalesce(cast(:time as timestamptz), clock_timestamp()),
                                     cast(:createdTime as timestamptz)),
                            clock_timestamp()))
              """);
    for (DataFlowStatistic statistic : statistics) {
      batch
          .bind("executionId", executionId)
          .bind("packageName", statistic.packageName())
          .bind("taskName", statistic.taskName())
          .bind("pathId", statistic.dataflowPathIdString())
          .bind("pathName", statistic.dataflowPathName())
          .bind("source", statistic.sourceComponentName())
          .bind("destination", statistic.destinationComponentName())
          .bind("rowsSent", statistic.rowsSent())
          .bind("time", statistic.createdTime())
          .bind("createdTime", createdTime)
          .add();
    }
    batch.execute();
  }

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
