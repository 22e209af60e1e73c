package io.sluice.engine.event;

import java.time.Instant;

/** Rows that went down one data-flow path, as catalog.execution_data_statistics. */
public record DataFlowStatistic(
    String packageName,
    String taskName,
    String pathName,
    String sourceComponent,
    String destinationComponent,
    long rowsSent,
    Instant time) {}
