package io.sluice.catalog.report;

import java.time.Instant;
import java.util.List;

/**
 * SSIS's Execution Performance report for one package: the durations of its last successful runs,
 * against the average and standard deviation of its successful runs over the last three months
 * ({@code windowFrom} to the report's time).
 *
 * @param lastRuns the last successful runs, newest first
 * @param runsInWindow how many successful runs the average is of
 * @param averageMs null when there are none
 * @param standardDeviationMs the population standard deviation; null when there are none
 */
public record ExecutionPerformance(
    String folderName,
    String projectName,
    String packageName,
    List<Run> lastRuns,
    Instant windowFrom,
    long runsInWindow,
    Double averageMs,
    Double standardDeviationMs) {

  /**
   * One successful run.
   *
   * @param environmentName the environment its reference pointed to; null for none
   */
  public record Run(
      long executionId,
      Instant startTime,
      Instant endTime,
      long durationMs,
      String environmentName,
      String workerName) {}
}
