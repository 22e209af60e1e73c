package io.sluice.catalog.environment;

import io.sluice.catalog.CatalogContext;

/** {@link Environments} on the catalog database. */
public final class JdbcEnvironments implements Environments {

  private final CatalogContext context;

  public JdbcEnvironments(CatalogContext context) {
    this.context = context;
  }
}
