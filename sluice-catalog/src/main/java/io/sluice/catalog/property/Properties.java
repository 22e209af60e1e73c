package io.sluice.catalog.property;

/** Catalog operations on properties. */
public interface Properties {}
