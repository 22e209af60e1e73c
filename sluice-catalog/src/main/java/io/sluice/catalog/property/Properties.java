package io.sluice.catalog.property;

import java.util.List;

/** Catalog properties (SSIS catalog.catalog_properties / configure_catalog). */
public interface Properties {

  /** Every property, by name. */
  List<CatalogProperty> list();

  /** One property; NOT_FOUND names the existing ones. */
  CatalogProperty get(String name);

  /**
   * Changes a property after checking the value (RETENTION_WINDOW a positive number of days,
   * booleans true/false, MAX_PROJECT_VERSIONS 1..10000, SERVER_LOGGING_LEVEL 0..3,
   * DEFAULT_EXECUTION_MODE SERVER|SCALE_OUT; ENCRYPTION_ALGORITHM is read only). Returns it as
   * stored.
   */
  CatalogProperty set(String name, String value);
}
