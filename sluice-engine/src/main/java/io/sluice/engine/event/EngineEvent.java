package io.sluice.engine.event;

import java.time.Instant;

/**
 * One event of a run, shaped like a row of SSIS's catalog.event_messages.
 *
 * @param sourceName the executable or component that raised it, e.g. {@code Load rates}
 * @param executionPath where it ran, e.g. {@code \LoadRates\Per file[3]\Load rates}
 * @param subcomponent the data-flow component inside a Data Flow task, or null
 * @param code SSIS-like message code, 0 when there is none
 */
public record EngineEvent(
    Instant time,
    MessageType type,
    String packageName,
    String sourceName,
    String executionPath,
    String subcomponent,
    String message,
    int code,
    long threadId) {}
