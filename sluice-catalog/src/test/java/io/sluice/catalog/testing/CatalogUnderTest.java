package io.sluice.catalog.testing;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import org.jdbi.v3.core.Jdbi;

/** A {@link LocalCatalog} on a fresh test database, with the test cipher; close it after use. */
public final class CatalogUnderTest implements AutoCloseable {

  private final CatalogDatabase database;
  private final CatalogContext context;
  private final Catalog catalog;

  private CatalogUnderTest(CatalogDatabase database) {
    this.database = database;
    this.context = new CatalogContext(database, TestCatalog.cipher(), "tester");
    this.catalog = new LocalCatalog(context);
  }

  public static CatalogUnderTest open() {
    return new CatalogUnderTest(TestCatalog.newDatabase());
  }

  /** A catalog on a database of the test's choosing (e.g. a {@link RestartableCatalogServer}). */
  public static CatalogUnderTest open(CatalogLocation location) {
    return new CatalogUnderTest(CatalogDatabase.open(location));
  }

  public Catalog catalog() {
    return catalog;
  }

  public CatalogContext context() {
    return context;
  }

  /** For tests that read the tables themselves. */
  public Jdbi jdbi() {
    return database.jdbi();
  }

  /** Sets a catalog_property directly, as an administrator would. */
  public void setProperty(String name, String value) {
    jdbi()
        .useHandle(
            h ->
                h.createUpdate("update catalog_property set value = :value where name = :name")
                    .bind("name", name)
                    .bind("value", value)
                    .execute());
  }

  @Override
  public void close() {
    database.close();
  }
}
