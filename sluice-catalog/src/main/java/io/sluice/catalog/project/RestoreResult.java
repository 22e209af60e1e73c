package io.sluice.catalog.project;

/**
 * What a restore changed.
 *
 * @param clearedServerValues server values of the restored version reset to design defaults
 */
public record RestoreResult(
    long projectId,
    String folder,
    String project,
    int versionNumber,
    int previousVersionNumber,
    int clearedServerValues) {}
