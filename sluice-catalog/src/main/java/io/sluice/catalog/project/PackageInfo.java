package io.sluice.catalog.project;

/**
 * A package of a project version.
 *
 * @param entryPoint whether it may be executed on its own (SSIS's entry-point flag)
 */
public record PackageInfo(
    String name, String description, boolean entryPoint, int parameterCount) {}
