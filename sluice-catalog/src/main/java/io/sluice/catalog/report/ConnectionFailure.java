package io.sluice.catalog.report;

import java.time.Instant;

/**
 * SSIS's Connections report: a connection that failed to open, by connection manager and connection
 * string (its credentials masked).
 *
 * @param failedExecutions how many executions it failed in
 * @param lastExecutionId the execution it failed in last
 */
public record ConnectionFailure(
    String connectionName,
    String connectionString,
    long failedExecutions,
    Instant lastFailedTime,
    long lastExecutionId) {}
