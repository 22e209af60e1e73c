package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.ssis.report.ImportEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bulk Insert task and an OLE DB Command (BulkInsertAndCommand.dtsx) convert to BulkInsert and
 * JdbcCommand and run on an embedded PostgreSQL as in SSIS: the file's payments are loaded, each
 * debits its account, and the one the CHECK constraint refuses goes to the error output.
 */
class BulkInsertAndCommandImportTest {

  static EmbeddedPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA dbo");
      s.execute("CREATE TABLE dbo.payments (account int, amount numeric(10,2))");
      s.execute(
          "CREATE TABLE dbo.accounts (id int PRIMARY KEY, balance numeric(10,2)"
              + " CHECK (balance >= 0))");
      s.execute("INSERT INTO dbo.accounts VALUES (1, 100), (2, 100), (3, 100)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aBulkInsertTaskAndAnOleDbCommandConvertAndRun() throws Exception {
    Path payments = dir.resolve("payments.txt");
    Files.writeString(payments, "Account|Amount\r\n1|10.50\r\n2|500\r\n3|30\r\n");
    Path dtsx = dir.resolve("BulkInsertAndCommand.dtsx");
    Files.writeString(
        dtsx,
        Files.readString(Path.of("src/test/resources/tasks/BulkInsertAndCommand.dtsx"))
            .replace("PAYMENTS_PATH", payments.toString()));

    ImportResult imported = SsisImporter.importPackage(dtsx);
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load payments"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isNotEqualTo(ImportEntry.Outcome.PLACEHOLDER));
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Apply payments\\Debit"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isNotEqualTo(ImportEntry.Outcome.PLACEHOLDER));

    String url = postgres.getJdbcUrl("postgres", "postgres");
    ImportedRun run =
        ImportedRun.of(
            dtsx, yaml -> yaml.replaceFirst("url: [^\\n]*", "url: " + ImportedRun.quoted(url)));

    assertThat(run.result().succeeded())
        .as("%s", run.events().stream().map(e -> e.sourceName() + ": " + e.message()).toList())
        .isTrue();
    assertThat(rows("SELECT account, amount FROM dbo.payments ORDER BY account"))
        .containsExactly("1|10.50", "2|500.00", "3|30.00");
    assertThat(rows("SELECT id, balance FROM dbo.accounts ORDER BY id"))
        .containsExactly("1|89.50", "2|100.00", "3|70.00");
    assertThat(run.rowsInto("Count refused")).as("2 cannot pay 500").isEqualTo(1);
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.INFORMATION)
        .extracting(e -> e.message())
        .contains("User::Refused = 1");
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getObject(1) + "|" + rs.getObject(2));
      }
    }
    return out;
  }
}
