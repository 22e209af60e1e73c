package io.sluice.catalog.project;

import java.time.Instant;

/** One deployed version of a project; {@code current} marks the one executions use. */
public record ProjectVersion(
    long versionId,
    int versionNumber,
    boolean current,
    String archiveSha256,
    int archiveBytes,
    String deployedBy,
    Instant deployedTime) {}
