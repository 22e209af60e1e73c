package io.sluice.catalog.database;

/** The catalog database could not be reached or logged in to. */
public final class CatalogUnavailableException extends RuntimeException {

  public CatalogUnavailableException(CatalogLocation location, Throwable cause) {
    super(
        "cannot connect to the catalog at "
            + location
            + ": "
            + rootMessage(cause)
            + " (check the catalog URL, the user, the password (SLUICE_CATALOG_PASSWORD or"
            + " --catalog-password), and that PostgreSQL is running)",
        cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
