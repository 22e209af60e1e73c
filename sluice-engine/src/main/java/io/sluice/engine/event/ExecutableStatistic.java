package io.sluice.engine.event;

import java.time.Instant;

/**
 * How one executable ran once (a loop body runs many times), as catalog.executable_statistics.
 *
 * @param result 0 success, 1 failure, 2 completion, 3 cancelled (SSIS's execution_result)
 */
public record ExecutableStatistic(
    String packageName,
    String executablePath,
    Instant start,
    Instant end,
    int result,
    String resultValue) {}
