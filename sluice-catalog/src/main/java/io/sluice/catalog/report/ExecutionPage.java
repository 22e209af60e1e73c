package io.sluice.catalog.report;

import io.sluice.catalog.execution.Execution;
import java.util.List;

/**
 * A page of the executions list (SSIS's All Executions report).
 *
 * @param total how many executions match the filter, counted up to {@link CatalogReports#COUNT_CAP}
 * @param totalExact false when more match than were counted ({@code total} is then the cap)
 * @param nextBefore the cursor of the next page (the filter's {@code before}); null on the last
 */
public record ExecutionPage(
    List<Execution> executions, long total, boolean totalExact, Long nextBefore) {}
