package io.sluice.catalog.execution;

import io.sluice.catalog.operation.OperationStatus;
import java.time.Instant;

/**
 * Which executions to list; null fields do not filter. Newest first, at most {@code limit}.
 *
 * @param since created at or after
 * @param until created before
 */
public record ExecutionFilter(
    String folder,
    String project,
    String packageName,
    OperationStatus status,
    Instant since,
    Instant until,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;

  public ExecutionFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  public static ExecutionFilter all() {
    return new ExecutionFilter(null, null, null, null, null, null, DEFAULT_LIMIT);
  }

  public ExecutionFilter since(Instant from) {
    return new ExecutionFilter(folder, project, packageName, status, from, until, limit);
  }

  public ExecutionFilter withStatus(OperationStatus wanted) {
    return new ExecutionFilter(folder, project, packageName, wanted, since, until, limit);
  }

  public ExecutionFilter withLimit(int max) {
    return new ExecutionFilter(folder, project, packageName, status, since, until, max);
  }
}
