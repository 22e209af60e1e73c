package io.sluice.catalog.execution;

/** Catalog operations on executions. */
public interface Executions {}
