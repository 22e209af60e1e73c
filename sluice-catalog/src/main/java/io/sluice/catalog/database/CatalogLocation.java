package io.sluice.catalog.database;

/** Where a catalog database is and how to log in to it. */
public record CatalogLocation(String jdbcUrl, String user, String password) {

  @Override
  public String toString() {
    // Never print the password.
    return jdbcUrl + " as " + user;
  }
}
