package io.sluice.catalog.execution;

import java.time.Instant;

/**
 * One run of an executable (task, container, package): SSIS executable_statistics.
 *
 * @param executionPath the path of this run (loops run an executable several times)
 * @param executionResult 0 success, 1 failure, 2 completion, 3 cancelled
 */
public record ExecutableStatistic(
    String executableName,
    String executablePath,
    String executionPath,
    Instant startTime,
    Instant endTime,
    Long durationMs,
    int executionResult,
    String executionValue) {}
