package io.sluice.catalog.property;

/** A catalog property (SSIS catalog_properties) and whether users may change it. */
public record CatalogProperty(String name, String value, String description, boolean readOnly) {}
