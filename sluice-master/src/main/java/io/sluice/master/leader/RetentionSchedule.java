package io.sluice.master.leader;

import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.operation.Operations;
import io.sluice.catalog.retention.CleanupResult;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the catalog's retention cleanup (SSIS's daily SSIS Server Maintenance Job) once per interval
 * for the whole catalog. Whether it is due is read from the catalog — when the last cleanup
 * operation started, by the catalog's clock — not from this process's memory, so a master restart
 * or a new leader neither skips a day nor runs it twice. The cleanup itself reads
 * OPERATION_CLEANUP_ENABLED and RETENTION_WINDOW and records an operation of type 2.
 */
public final class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final Jdbi jdbi;
  private final Operations operations;
  private final Duration interval;

  public RetentionSchedule(Jdbi jdbi, Operations operations, Duration interval) {
    this.jdbi = jdbi;
    this.operations = operations;
    this.interval = interval;
  }

  /** How often to ask whether the cleanup is due: often enough to run close to its time. */
  public Duration checkEvery() {
    Duration minute = Duration.ofMinutes(1);
    return interval.compareTo(minute) < 0 ? interval : minute;
  }

  /** Runs the cleanup if none started within the interval; returns its result if it ran. */
  public Optional<CleanupResult> runIfDue() {
    if (!due()) {
      return Optional.empty();
    }
    CleanupResult result = operations.cleanup();
    if (result.ran()) {
      log.info(
          "retention cleanup (operation {}): {} day partitions dropped, {} operations and {}"
              + " project versions removed",
          result.operationId(),
          result.partitionsDropped(),
          result.operationsRemoved(),
          result.projectVersionsRemoved());
    }
    return Optional.of(result);
  }

  private boolean due() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    select coalesce(max(created_time) <= now() - :intervalMillis * interval '1 millisecond',
                                    true)
                    from operation
                    where operation_type = :type
                    """)
                .bind("intervalMillis", interval.toMillis())
                .bind("type", OperationType.RETENTION_CLEANUP.code())
                .mapTo(boolean.class)
                .one());
  }
}
