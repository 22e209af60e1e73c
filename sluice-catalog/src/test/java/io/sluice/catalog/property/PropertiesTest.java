package io.sluice.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.TestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertiesTest {

  private static CatalogDatabase db;
  private static Properties properties;

  @BeforeAll
  static void open() {
    db = TestCatalog.newDatabase();
    properties = new LocalCatalog(new CatalogContext(db, TestCatalog.cipher(), "t")).properties();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void listShowsEveryPropertyAndWhichAreReadOnly() {
    assertThat(properties.list())
        .extracting(CatalogProperty::name)
        .contains("RETENTION_WINDOW", "DEFAULT_EXECUTION_MODE", "ENCRYPTION_ALGORITHM");
    assertThat(properties.get("encryption_algorithm").readOnly()).isTrue();
    assertThat(properties.get("RETENTION_WINDOW").readOnly()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "RETENTION_WINDOW, ' 30 ', 30",
    "OPERATION_CLEANUP_ENABLED, FALSE, false",
    "VERSION_CLEANUP_ENABLED, yes, true",
    "MAX_PROJECT_VERSIONS, 10000, 10000",
    "SERVER_LOGGING_LEVEL, 0, 0",
    "default_execution_mode, scale-out, SCALE_OUT",
  })
  void goodValuesAreStoredInTheirPlainForm(String name, String value, String stored) {
    assertThat(properties.set(name, value).value()).isEqualTo(stored);
    assertThat(properties.get(name).value()).isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource({
    "RETENTION_WINDOW, 0, 'RETENTION_WINDOW must be a whole number from 1 to 36500, not ''0'''",
    "RETENTION_WINDOW, a week, 'RETENTION_WINDOW must be a whole number'",
    "OPERATION_CLEANUP_ENABLED, sometimes, 'must be true or false'",
    "MAX_PROJECT_VERSIONS, 10001, 'MAX_PROJECT_VERSIONS must be a whole number from 1 to 10000'",
    "SERVER_LOGGING_LEVEL, 4, 'from 0 to 3'",
    "DEFAULT_EXECUTION_MODE, CLUSTER, 'must be SERVER or SCALE_OUT'",
    "ENCRYPTION_ALGORITHM, AES_128, 'ENCRYPTION_ALGORITHM is read only'",
  })
  void badValuesAreRefusedWithTheRule(String name, String value, String message) {
    String before = properties.get(name).value();

    assertThatThrownBy(() -> properties.set(name, value))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((CatalogException) e).hint()).isNotBlank());
    assertThat(properties.get(name).value()).isEqualTo(before);
  }

  @Test
  void unknownPropertiesAreNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> properties.set("RETENTION", "3"))
        .hasMessage("there is no catalog property RETENTION")
        .satisfies(e -> assertThat(((CatalogException) e).hint()).contains("RETENTION_WINDOW"));
    assertThatThrownBy(() -> properties.get("NOPE"))
        .extracting(e -> ((CatalogException) e).reason())
        .isEqualTo(CatalogException.Reason.NOT_FOUND);
  }
}
