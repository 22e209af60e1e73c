package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class CatalogDatabaseTest {

  @Test
  void migratesAFreshDatabaseAndSeedsCatalogProperties() {
    try (CatalogDatabase db = TestCatalog.newDatabase()) {
      int properties =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from catalog_property")
                          .mapTo(int.class)
                          .one());
      assertThat(properties).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void reopeningAnUpToDateCatalogChangesNothing() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    try (CatalogDatabase first = CatalogDatabase.open(location)) {
      first
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update catalog_property set value = '7' where name = 'RETENTION_WINDOW'"));
    }
    try (CatalogDatabase second = CatalogDatabase.open(location)) {
      String retention =
          second
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select value from catalog_property where name = 'RETENTION_WINDOW'")
                          .mapTo(String.class)
                          .one());
      assertThat(retention).isEqualTo("7");
    }
  }

  @Test
  void multiHostUrlFindsThePrimaryPastADeadHost() {
    CatalogLocation real = TestCatalog.newEmptyDatabase();
    String url = real.jdbcUrl().replace("//localhost:", "//localhost:1,localhost:");
    assertThat(url).contains("//localhost:1,localhost:");
    String separator = url.contains("?") ? "&" : "?";
    CatalogLocation multiHost =
        new CatalogLocation(url + separator + "targetServerType=primary", real.user(), "");
    try (CatalogDatabase db = CatalogDatabase.open(multiHost)) {
      boolean inRecovery =
          db.jdbi()
              .withHandle(
                  h -> h.createQuery("select pg_is_in_recovery()").mapTo(boolean.class).one());
      assertThat(inRecovery).isFalse();
    }
  }

  @Test
  void unreachableCatalogNamesTheUrlAndTheFix() {
    CatalogLocation nowhere =
        new CatalogLocation("jdbc:postgresql://localhost:1/sluice", "u", "secret");
    assertThatThrownBy(() -> CatalogDatabase.open(nowhere))
        .isInstanceOf(CatalogUnavailableException.class)
        .hasMessageContaining("localhost:1")
        .hasMessageContaining("check the catalog URL")
        .hasMessageContaining("SLUICE_CATALOG_PASSWORD")
        .hasMessageNotContaining("secret");
  }
}
