package io.sluice.catalog.operation;

import java.time.Instant;

/**
 * Which operations to list; null fields do not filter. Newest first, at most {@code limit}.
 *
 * @param since created at or after this time
 * @param until created before this time
 * @param caller who asked for it (SSIS caller_name)
 */
public record OperationFilter(
    OperationType type,
    OperationStatus status,
    Instant since,
    Instant until,
    String caller,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;

  public OperationFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** The filter of earlier versions: type, status and a start time only. */
  public OperationFilter(OperationType type, OperationStatus status, Instant since, int limit) {
    this(type, status, since, null, null, limit);
  }

  public static OperationFilter all() {
    return new OperationFilter(null, null, null, DEFAULT_LIMIT);
  }
}
