package io.sluice.catalog.report;

import java.time.Instant;

/**
 * An event message with the execution it belongs to, for lists across executions (SSIS's All
 * Messages and Error Messages reports).
 */
public record CatalogMessage(
    long eventMessageId,
    long executionId,
    Instant messageTime,
    int messageType,
    String message,
    String folderName,
    String projectName,
    String packageName,
    String messageSourceName,
    String subcomponentName,
    String executionPath,
    Integer messageCode) {}
