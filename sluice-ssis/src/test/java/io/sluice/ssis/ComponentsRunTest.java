package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The fixture flow of {@link DataFlowImportTest} (Components.dtsx) imported and run on an embedded
 * PostgreSQL: each row takes the way SSIS would send it, through the source's parameter, the
 * Derived Column, the Multicast and Row Count, the Conditional Split, the Lookup's no-match output,
 * the Sort's duplicate removal, the Copy Column and the destination's error output.
 */
class ComponentsRunTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    execute(
        "CREATE SCHEMA dbo",
        "CREATE TABLE dbo.orders (code varchar(3), amount int, day date)",
        """
        INSERT INTO dbo.orders VALUES
          ('abc', 100, '2024-01-02'), ('abc', 100, '2024-01-02'), ('xyz', 60, '2024-01-03'),
          ('abc', 10, '2024-01-04'), ('def', -5, '2024-01-05'), ('ghi', 200, '2024-01-06'),
          ('low', -500, '2024-01-07')
        """,
        "CREATE TABLE dbo.currency (currencykey int, code varchar(3))",
        "INSERT INTO dbo.currency VALUES (1, 'ABC'), (2, 'GHI')",
        """
        CREATE TABLE dbo.facts (
          currencycode varchar(3), doubled bigint CHECK (doubled < 300), currencykey int,
          day date, originalcode varchar(3))
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void everyRowTakesTheWaySsisWouldSendIt(@TempDir Path dir) throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    String url = postgres.getJdbcUrl("postgres", "postgres");

    ImportedRun run =
        ImportedRun.of(
            Path.of("src", "test", "resources", "dataflow", "Components.dtsx").toAbsolutePath(),
            yaml ->
                yaml.replaceFirst("url: [^\\n]*", "url: " + ImportedRun.quoted(url))
                    .replace(
                        "file: rejects.csv", "file: " + ImportedRun.quoted(rejects.toString())));

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    assertThat(run.rowsInto("Fix codes")).as("the parameter keeps out -500").isEqualTo(6);
    assertThat(run.rowsInto("Count rows")).isEqualTo(6);
    assertThat(run.rowsInto("Codes")).as("Doubled > 100").isEqualTo(4);
    assertThat(run.rowsInto("Keep copy")).as("the Sort drops the second abc").isEqualTo(2);
    assertThat(rows("SELECT currencycode, doubled, currencykey, day, originalcode FROM dbo.facts"))
        .containsExactly("ABC|200|1|2024-01-02|ABC");
    assertThat(run.rowsInto("Refused")).as("ghi's 400 breaks the CHECK").isEqualTo(1);
    assertThat(Files.readAllLines(rejects)).containsExactly("Code,Amount", "XYZ,120");
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  private static void execute(String... statements) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
