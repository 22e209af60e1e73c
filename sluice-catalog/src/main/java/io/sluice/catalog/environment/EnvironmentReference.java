package io.sluice.catalog.environment;

/**
 * A project's reference to an environment it may run with.
 *
 * @param environmentFolder where the environment is looked up: for a relative reference, the
 *     project's own folder
 * @param environmentExists whether that environment exists now (it may have been deleted since)
 */
public record EnvironmentReference(
    long referenceId,
    String folder,
    String project,
    ReferenceType type,
    String environmentFolder,
    String environmentName,
    boolean environmentExists) {}
