package io.sluice.catalog.operation;

import io.sluice.catalog.CatalogContext;

/** {@link Operations} on the catalog database. */
public final class JdbcOperations implements Operations {

  private final CatalogContext context;

  public JdbcOperations(CatalogContext context) {
    this.context = context;
  }
}
