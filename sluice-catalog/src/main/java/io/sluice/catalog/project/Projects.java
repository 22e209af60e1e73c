package io.sluice.catalog.project;

/** Catalog operations on projects. */
public interface Projects {}
