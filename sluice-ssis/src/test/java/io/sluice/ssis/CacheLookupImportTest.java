package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.ssis.report.ImportEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Cache connection manager filled by a Cache Transform in one data flow and read by a Lookup in
 * the next (CacheLookup.dtsx) imports and runs on an embedded PostgreSQL.
 */
class CacheLookupImportTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA dbo");
      s.execute("CREATE TABLE dbo.currency (code varchar(3), currencykey int)");
      s.execute("INSERT INTO dbo.currency VALUES ('ABC', 1), ('GHI', 2), ('ABC', 3)");
      s.execute("CREATE TABLE dbo.orders (code varchar(3))");
      s.execute("INSERT INTO dbo.orders VALUES ('ABC'), ('XYZ'), ('GHI'), ('ABC')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theCacheTransformFillsTheCacheTheNextDataFlowsLookupReads() {
    Path dtsx =
        Path.of("src", "test", "resources", "dataflow", "CacheLookup.dtsx").toAbsolutePath();
    assertThat(SsisImporter.importPackage(dtsx).report().entries())
        .filteredOn(e -> e.kind() != ImportEntry.ElementKind.PROPERTY)
        .allSatisfy(
            e -> assertThat(e.outcome()).as(e.path()).isEqualTo(ImportEntry.Outcome.CONVERTED));

    String url = postgres.getJdbcUrl("postgres", "postgres");
    ImportedRun run =
        ImportedRun.of(
            dtsx, yaml -> yaml.replaceFirst("url: [^\\n]*", "url: " + ImportedRun.quoted(url)));

    assertThat(run.result().succeeded())
        .as("%s", run.events().stream().map(e -> e.sourceName() + ": " + e.message()).toList())
        .isTrue();
    assertThat(run.rowsInto("Count matched")).as("XYZ has no currency").isEqualTo(3);
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.INFORMATION)
        .extracting(e -> e.message())
        .contains("The Cache Transform wrote 2 rows to cache connection 'Currencies'.");
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.WARNING)
        .extracting(e -> e.message())
        .contains("1 rows repeated an earlier row's key and were left out of the cache.");
  }
}
