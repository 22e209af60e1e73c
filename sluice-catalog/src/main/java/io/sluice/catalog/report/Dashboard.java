package io.sluice.catalog.report;

import java.time.Instant;
import java.util.List;

/**
 * SSIS's Integration Services Dashboard, and what the console's dashboard adds: the executions of
 * the last 24 hours ({@code from} to {@code until}) by status, those running now, the recent
 * failures with their first error, the Scale Out queue, executions per hour, the duration trend of
 * the busiest packages and the connections that failed.
 */
public record Dashboard(
    Instant from,
    Instant until,
    List<StatusCount> byStatus,
    List<RunningExecution> running,
    List<FailedExecution> recentFailures,
    QueueDepth queue,
    List<HourCount> perHour,
    List<PackageTrend> busiestPackages,
    List<ConnectionFailure> failedConnections) {

  /** How many executions created in the window have this status now. */
  public record StatusCount(int status, String name, long count) {}

  /**
   * An execution running (2) or stopping (8) now.
   *
   * @param elapsedMs from its start to the report's time
   */
  public record RunningExecution(
      long executionId,
      String folderName,
      String projectName,
      String packageName,
      int status,
      Instant startTime,
      long elapsedMs,
      boolean runInScaleOut,
      String workerAgentId,
      String workerName,
      String callerName) {}

  /**
   * An execution of the window that failed (4) or ended unexpectedly (6).
   *
   * @param firstError its first Error message; null if it stored none (logging level None)
   */
  public record FailedExecution(
      long executionId,
      String folderName,
      String projectName,
      String packageName,
      int status,
      Instant startTime,
      Instant endTime,
      String firstError) {}

  /**
   * What waits to run now.
   *
   * @param queuedTasks Scale Out tasks no worker has taken yet
   * @param pendingExecutions executions started but not yet running (5 pending; Scale Out and
   *     server mode)
   */
  public record QueueDepth(long queuedTasks, long pendingExecutions) {}

  /**
   * The executions created in one hour of the window, by how they stand now.
   *
   * @param hour the hour's start (UTC)
   * @param failed 4 failed or 6 ended unexpectedly
   * @param other created, pending, running, stopping or canceled
   */
  public record HourCount(Instant hour, long total, long succeeded, long failed, long other) {}

  /** One of the packages run most often in the window, with the durations of its ended runs. */
  public record PackageTrend(
      String folderName,
      String projectName,
      String packageName,
      long executions,
      List<RunDuration> runs) {}

  /** One ended run: when it started and how long it took. */
  public record RunDuration(long executionId, Instant startTime, long durationMs, int status) {}
}
