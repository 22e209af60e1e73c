package io.sluice.catalog.message;

import io.sluice.catalog.CatalogContext;

/** {@link Messages} on the catalog database. */
public final class JdbcMessages implements Messages {

  private final CatalogContext context;

  public JdbcMessages(CatalogContext context) {
    this.context = context;
  }
}
