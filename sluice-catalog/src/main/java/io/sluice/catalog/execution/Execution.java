package io.sluice.catalog.execution;

import io.sluice.catalog.operation.OperationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An execution as SSIS's catalog.executions shows it. {@code status} is the SSIS code (see {@link
 * OperationStatus}); the environment is the one its reference pointed to at create. {@code
 * requiredWorkerTags}: Scale Out runs it only on a worker that has all of them. {@code
 * workerAgentId} and {@code workerName} (its display name) are the Scale Out worker running it or
 * that ran it last; null before a worker took it and again while a lost attempt's retry waits.
 */
public record Execution(
    long executionId,
    String folderName,
    String projectName,
    long projectVersionId,
    String packageName,
    Long referenceId,
    String environmentFolderName,
    String environmentName,
    boolean runInScaleOut,
    boolean useAnyWorker,
    int loggingLevel,
    int status,
    Instant createdTime,
    Instant startTime,
    Instant endTime,
    int retryCount,
    int executedCount,
    UUID workerAgentId,
    String callerName,
    List<String> requiredWorkerTags,
    String workerName) {

  public OperationStatus state() {
    return OperationStatus.of(status);
  }
}
