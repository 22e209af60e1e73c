package io.sluice.catalog.environment;

/** Catalog operations on environments. */
public interface Environments {}
