package io.sluice.catalog.message;

import java.time.Instant;

/** A stored event message of an execution (SSIS catalog.event_messages). */
public record EventMessage(
    long eventMessageId,
    long operationId,
    Instant messageTime,
    int messageType,
    Integer messageSourceType,
    String message,
    String packageName,
    String eventName,
    String messageSourceName,
    String subcomponentName,
    String packagePath,
    String executionPath,
    Integer threadId,
    Integer messageCode) {}
