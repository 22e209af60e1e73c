package io.sluice.catalog.message;

/** Catalog operations on messages. */
public interface Messages {}
