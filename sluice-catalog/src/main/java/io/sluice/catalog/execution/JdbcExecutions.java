package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;

/** {@link Executions} on the catalog database. */
public final class JdbcExecutions implements Executions {

  private final CatalogContext context;

  public JdbcExecutions(CatalogContext context) {
    this.context = context;
  }
}
