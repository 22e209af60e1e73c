package io.sluice.catalog.operation;

/** Catalog operations on operations. */
public interface Operations {}
