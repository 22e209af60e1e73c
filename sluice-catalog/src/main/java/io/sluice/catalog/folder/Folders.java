package io.sluice.catalog.folder;

/** Catalog operations on folders. */
public interface Folders {}
