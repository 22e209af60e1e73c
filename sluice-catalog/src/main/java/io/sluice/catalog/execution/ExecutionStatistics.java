package io.sluice.catalog.execution;

import java.util.List;

/**
 * What an execution's executables and data flows did (SSIS catalog.executable_statistics and
 * catalog.execution_data_statistics): kept at logging level Basic and above for executables, at
 * Performance and Verbose for data-flow paths; empty at None.
 *
 * @param executables each run of a task, container or package, in the order they started
 * @param dataFlows rows sent along each data-flow path, in the order they were counted
 */
public record ExecutionStatistics(
    long executionId, List<ExecutableStatistic> executables, List<DataFlowStatistic> dataFlows) {}
