package io.sluice.catalog.project;

import java.util.List;

/**
 * What a deploy stored.
 *
 * @param carriedServerValues server values copied from the previously current version
 * @param removedVersions version numbers deleted by version cleanup (MAX_PROJECT_VERSIONS)
 */
public record DeployResult(
    String folder,
    String project,
    long projectId,
    int versionNumber,
    String archiveSha256,
    List<PackageInfo> packages,
    int parameterCount,
    int carriedServerValues,
    List<Integer> removedVersions) {}
