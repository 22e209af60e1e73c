package io.sluice.catalog.operation;

import java.time.Instant;

/**
 * An operation as SSIS's catalog.operations shows it. Codes: see {@link OperationType} and {@link
 * OperationStatus}.
 */
public record Operation(
    long operationId,
    int operationType,
    Integer objectType,
    Long objectId,
    String objectName,
    int status,
    Instant createdTime,
    Instant startTime,
    Instant endTime,
    String callerName,
    String machineName) {}
