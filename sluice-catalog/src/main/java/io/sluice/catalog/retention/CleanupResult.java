package io.sluice.catalog.retention;

import java.time.Instant;

/**
 * What a retention cleanup removed.
 *
 * @param ran false when OPERATION_CLEANUP_ENABLED is false (then nothing was removed)
 * @param operationId the cleanup's own operation (type 2), or 0 when it did not run
 * @param cutoff everything older than this went (start of the UTC day RETENTION_WINDOW days ago)
 * @param partitionsDropped day partitions of the log tables dropped, all tables together
 * @param straySafetyNetRows old rows deleted from the DEFAULT partitions
 * @param operationsRemoved operations (with their executions) deleted
 * @param projectVersionsRemoved project versions removed by the version cleanup hook
 */
public record CleanupResult(
    boolean ran,
    long operationId,
    int retentionWindowDays,
    Instant cutoff,
    int partitionsDropped,
    long straySafetyNetRows,
    int operationsRemoved,
    int projectVersionsRemoved) {

  static CleanupResult disabled(int retentionWindowDays) {
    return new CleanupResult(false, 0, retentionWindowDays, null, 0, 0, 0, 0);
  }
}
