package io.sluice.catalog.parameter;

import io.sluice.catalog.CatalogContext;

/** {@link Parameters} on the catalog database. */
public final class JdbcParameters implements Parameters {

  private final CatalogContext context;

  public JdbcParameters(CatalogContext context) {
    this.context = context;
  }
}
