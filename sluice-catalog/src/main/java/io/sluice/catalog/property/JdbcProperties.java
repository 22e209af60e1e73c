package io.sluice.catalog.property;

import io.sluice.catalog.CatalogContext;

/** {@link Properties} on the catalog database. */
public final class JdbcProperties implements Properties {

  private final CatalogContext context;

  public JdbcProperties(CatalogContext context) {
    this.context = context;
  }
}
