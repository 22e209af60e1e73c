package io.sluice.protocol.worker;

import java.util.List;

/**
 * One attempt of a task, handed to one worker: everything it needs to run the package without
 * catalog credentials.
 *
 * @param attempt fencing number: every report about this run carries it; a master refuses reports
 *     of an attempt that is no longer current
 * @param leaseMillis the lease L: the worker must renew within it, and stops the package itself if
 *     it cannot (see task-leases.md)
 * @param projectArchive the project's .spac bytes (base64 in JSON)
 * @param timeoutSeconds the task's maximum run time; 0 means none
 * @param propertyOverrides dtexec's /SET and /CONNECTION for this execution, in the order they
 *     apply; null from a master that predates them
 */
public record TaskAssignment(
    long taskId,
    long executionId,
    int attempt,
    long leaseMillis,
    String folder,
    String project,
    String packageName,
    int loggingLevel,
    byte[] projectArchive,
    List<ParameterValue> parameters,
    long timeoutSeconds,
    List<PropertyOverrideValue> propertyOverrides) {}
