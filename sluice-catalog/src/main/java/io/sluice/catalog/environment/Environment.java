package io.sluice.catalog.environment;

/** An environment: a named set of variables in a folder that executions can take values from. */
public record Environment(
    long environmentId, String folder, String name, String description, int variableCount) {}
