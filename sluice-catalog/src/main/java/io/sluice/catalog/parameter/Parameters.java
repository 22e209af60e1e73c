package io.sluice.catalog.parameter;

/** Catalog operations on parameters. */
public interface Parameters {}
