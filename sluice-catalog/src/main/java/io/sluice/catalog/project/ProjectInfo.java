package io.sluice.catalog.project;

import java.time.Instant;

/** A deployed project as the catalog lists it. */
public record ProjectInfo(
    long projectId,
    String folder,
    String name,
    String description,
    int currentVersion,
    int versionCount,
    Instant createdTime,
    Instant lastDeployedTime) {}
