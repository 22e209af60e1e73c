package io.sluice.catalog.folder;

import io.sluice.catalog.CatalogContext;

/** {@link Folders} on the catalog database. */
public final class JdbcFolders implements Folders {

  private final CatalogContext context;

  public JdbcFolders(CatalogContext context) {
    this.context = context;
  }
}
