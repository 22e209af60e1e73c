package io.sluice.catalog.retention;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.operation.OperationLog;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationTarget;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.property.CatalogSettings;
import io.sluice.engine.event.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SSIS's operation cleanup, made cheap: whole days of log rows go by dropping their partitions;
 * only the few operation rows (and their executions) are deleted row by row, in small batches.
 *
 * <p>The cutoff is rounded down to the start of a UTC day, so a day is kept until all of it is
 * older than RETENTION_WINDOW days: data lives up to one day longer than the window, never shorter.
 * Each step commits on its own: holding the log tables' locks for the whole cleanup would block
 * running executions from logging, and an interrupted cleanup is simply run again.
 */
public final class RetentionCleanup {

  /** Small batches keep each delete short while executions keep writing. */
  private static final int OPERATION_BATCH = 1000;

  // The DEFAULT partitions hold only rows written while their day's partition was missing.
  private static final List<String> DELETE_OLD_SAFETY_NET_ROWS =
      List.of(
          "delete from operation_message_default where message_time < :cutoff",
          "delete from event_message_default where message_time < :cutoff",
          "delete from executable_statistics_default where start_time < :cutoff",
          "delete from execution_data_statistics_default where created_time < :cutoff");

  // Log rows are stamped no later than their operation's end (the writers clamp them), and the
  // operations deleted ended before the cutoff: the only rows left behind are in the first day
  // after the cutoff, from a write racing with the end. Bounding the time keeps this to one
  // partition.
  private static final List<String> DELETE_LOG_ROWS_OF_OPERATIONS =
      List.of(
          """
          delete from operation_message
          where operation_id = any(:ids)
            and message_time >= :cutoff and message_time < cast(:cutoff as timestamptz) + interval '1 day'
          """,
          """
          delete from event_message
          where operation_id = any(:ids)
            and message_time >= :cutoff and message_time < cast(:cutoff as timestamptz) + interval '1 day'
          """,
          """
          delete from executable_statistics
          where execution_id = any(:ids)
            and start_time >= :cutoff and start_time < cast(:cutoff as timestamptz) + interval '1 day'
          """,
          """
          delete from execution_data_statistics
          where execution_id = any(:ids)
            and created_time >= :cutoff and created_time < cast(:cutoff as timestamptz) + interval '1 day'
          """);

  private final CatalogContext context;
  private final ProjectVersionCleanup projectVersionCleanup;

  public RetentionCleanup(CatalogContext context, ProjectVersionCleanup projectVersionCleanup) {
    this.context = context;
    this.projectVersionCleanup = projectVersionCleanup;
  }

  /** Runs the cleanup if OPERATION_CLEANUP_ENABLED; see {@link CleanupResult}. */
  public CleanupResult run() {
    Jdbi jdbi = context.database().jdbi();
    CatalogSettings settings = jdbi.withHandle(CatalogSettings::read);
    if (!settings.operationCleanupEnabled()) {
      return CleanupResult.disabled(settings.retentionWindowDays());
    }
    new LogPartitions(jdbi).ensureAhead();
    long operationId =
        jdbi.inTransaction(
            handle ->
                OperationLog.begin(
                    handle,
                    OperationType.RETENTION_CLEANUP,
                    OperationTarget.catalog(),
                    context.caller()));
    try {
      CleanupResult result = removeOldData(jdbi, operationId, settings.retentionWindowDays());
      jdbi.useTransaction(
          handle -> {
            OperationLog.message(handle, operationId, MessageType.INFORMATION, summary(result));
            OperationLog.finish(handle, operationId, OperationStatus.SUCCEEDED);
          });
      return result;
    } catch (RuntimeException e) {
      jdbi.useTransaction(
          handle -> {
            OperationLog.message(
                handle, operationId, MessageType.ERROR, "cleanup failed: " + e.getMessage());
            OperationLog.finish(handle, operationId, OperationStatus.FAILED);
          });
      throw e;
    }
  }

  private CleanupResult removeOldData(Jdbi jdbi, long operationId, int retentionWindowDays) {
    LocalDate cutoffDay =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("select cast(now() at time zone 'UTC' as date) - :days")
                    .bind("days", retentionWindowDays)
                    .mapTo(LocalDate.class)
                    .one());
    Instant cutoff = cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant();

    int partitionsDropped =
        jdbi.inTransaction(handle -> LogPartitions.dropBefore(handle, cutoffDay));
    long safetyNetRows =
        jdbi.inTransaction(
            handle ->
                DELETE_OLD_SAFETY_NET_ROWS.stream()
                    .mapToLong(sql -> handle.createUpdate(sql).bind("cutoff", cutoff).execute())
                    .sum());
    int operationsRemoved = 0;
    int batch;
    do {
      batch = jdbi.inTransaction(handle -> deleteOperationBatch(handle, cutoff, operationId));
      operationsRemoved += batch;
    } while (batch == OPERATION_BATCH);
    int versionsRemoved = jdbi.inTransaction(projectVersionCleanup::removeVersionsBeyondLimit);
    return new CleanupResult(
        true,
        operationId,
        retentionWindowDays,
        cutoff,
        partitionsDropped,
        safetyNetRows,
        operationsRemoved,
        versionsRemoved);
  }

  /** Deletes up to one batch of ended operations older than the cutoff; returns how many. */
  private static int deleteOperationBatch(Handle handle, Instant cutoff, long cleanupOperationId) {
    // Operations still pending, running or stopping are kept however old: something acts on them.
    List<Long> ids =
        handle
            .createQuery(
                """
                delete from operation
                where operation_id in (
                    select operation_id from operation
                    where created_time < :cutoff
                      and coalesce(end_time, created_time) < :cutoff
                      and status not in (2, 5, 8)
                      and operation_id <> :self
                    order by operation_id
                    limit :batch)
                returning operation_id
                """)
            .bind("cutoff", cutoff)
            .bind("self", cleanupOperationId)
            .bind("batch", OPERATION_BATCH)
            .mapTo(long.class)
            .list();
    if (!ids.isEmpty()) {
      for (String sql : DELETE_LOG_ROWS_OF_OPERATIONS) {
        handle.createUpdate(sql).bindArray("ids", Long.class, ids).bind("cutoff", cutoff).execute();
      }
    }
    return ids.size();
  }

  private static String summary(CleanupResult result) {
    return "removed data older than "
        + result.cutoff()
        + " (RETENTION_WINDOW "
        + result.retentionWindowDays()
        + " days): "
        + result.partitionsDropped()
        + " day partitions dropped, "
        + result.operationsRemoved()
        + " operations deleted, "
        + result.straySafetyNetRows()
        + " old rows of the default partitions deleted, "
        + result.projectVersionsRemoved()
        + " project versions removed";
  }
}
