package io.sluice.catalog.operation;

import java.time.Instant;

/** A message of an operation (SSIS catalog.operation_messages); type codes as MessageType. */
public record OperationMessage(
    long operationMessageId,
    long operationId,
    Instant messageTime,
    int messageType,
    Integer messageSourceType,
    String message) {}
