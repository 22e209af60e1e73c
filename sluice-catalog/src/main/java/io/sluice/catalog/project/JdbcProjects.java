package io.sluice.catalog.project;

import io.sluice.catalog.CatalogContext;

/** {@link Projects} on the catalog database. */
public final class JdbcProjects implements Projects {

  private final CatalogContext context;

  public JdbcProjects(CatalogContext context) {
    this.context = context;
  }
}
