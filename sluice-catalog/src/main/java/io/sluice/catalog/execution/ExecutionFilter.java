package io.sluice.catalog.execution;

import io.sluice.catalog.operation.OperationStatus;
import java.time.Instant;

/**
 * Which executions to list; null fields do not filter. Newest first (by created time, then id), at
 * most {@code limit}.
 *
 * @param since created at or after
 * @param until created before
 * @param startedAfter started at or after (an execution that has not started does not match)
 * @param startedBefore started before
 * @param worker the Scale Out worker that ran it last: its id (a UUID) or its display name
 * @param caller who created it (SSIS caller_name: a certificate's name or {@code token:NAME})
 * @param beforeExecutionId the keyset cursor: only executions listed after this one in this order
 *     (pass the last id of the previous page); null: from the newest
 */
public record ExecutionFilter(
    String folder,
    String project,
    String packageName,
    OperationStatus status,
    Instant since,
    Instant until,
    Instant startedAfter,
    Instant startedBefore,
    String worker,
    String caller,
    Long beforeExecutionId,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;

  /** The largest page: a page is one query, and the console shows far fewer. */
  public static final int MAX_LIMIT = 10_000;

  public ExecutionFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The filter of earlier versions: names, status and created time only. */
  public ExecutionFilter(
      String folder,
      String project,
      String packageName,
      OperationStatus status,
      Instant since,
      Instant until,
      int limit) {
    this(folder, project, packageName, status, since, until, null, null, null, null, null, limit);
  }

  public static ExecutionFilter all() {
    return new ExecutionFilter(null, null, null, null, null, null, DEFAULT_LIMIT);
  }

  public ExecutionFilter since(Instant from) {
    return new ExecutionFilter(
        folder,
        project,
        packageName,
        status,
        from,
        until,
        startedAfter,
        startedBefore,
        worker,
        caller,
        beforeExecutionId,
        limit);
  }

  public ExecutionFilter withStatus(OperationStatus wanted) {
    return new ExecutionFilter(
        folder,
        project,
        packageName,
        wanted,
        since,
        until,
        startedAfter,
        startedBefore,
        worker,
        caller,
        beforeExecutionId,
        limit);
  }

  public ExecutionFilter withLimit(int max) {
    return new ExecutionFilter(
        folder,
        project,
        packageName,
        status,
        since,
        until,
        startedAfter,
        startedBefore,
        worker,
        caller,
        beforeExecutionId,
        max);
  }

  /** The next page: executions listed after {@code executionId}. */
  public ExecutionFilter before(Long executionId) {
    return new ExecutionFilter(
        folder,
        project,
        packageName,
        status,
        since,
        until,
        startedAfter,
        startedBefore,
        worker,
        caller,
        executionId,
        limit);
  }
}
