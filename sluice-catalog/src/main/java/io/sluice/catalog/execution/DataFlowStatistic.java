package io.sluice.catalog.execution;

import java.time.Instant;

/**
 * Rows sent along a data-flow path: SSIS execution_data_statistics.
 *
 * @param createdTime when counted; null: when the catalog receives it
 */
public record DataFlowStatistic(
    String packageName,
    String taskName,
    String dataflowPathIdString,
    String dataflowPathName,
    String sourceComponentName,
    String destinationComponentName,
    long rowsSent,
    Instant createdTime) {}
