package io.sluice.catalog.folder;

import java.time.Instant;

/** A catalog folder and how much it holds. */
public record Folder(
    long folderId,
    String name,
    String description,
    String createdBy,
    Instant createdTime,
    int projectCount,
    int environmentCount) {}
