package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.report.ImportEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tables keep SQL Server's mixed-case names (quoted in PostgreSQL), as the wizard's bracketed
 * SQL, imported with --sql-dialect postgresql, names them.
 *
 * <p>A Slowly Changing Dimension as SSIS's wizard writes it (SlowlyChangingDimension.dtsx: start
 * and end dates, a changing, a historical and a fixed attribute, the wizard's downstream
 * components) converts to SlowlyChangingDimension and runs on an embedded PostgreSQL: the type 1
 * change is updated in place, the type 2 change expires the member's row and inserts a new current
 * one, the fixed change goes to its output and the new member is inserted.
 */
class SlowlyChangingDimensionImportTest {

  static final Path DTSX = Path.of("src/test/resources/dataflow/SlowlyChangingDimension.dtsx");

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA dbo");
      s.execute(
          "CREATE TABLE dbo.\"DimEmployee\" (\"SK\" serial PRIMARY KEY, \"EmpId\" int,"
              + " \"FirstName\" varchar(50), \"LastName\" varchar(50), \"Designation\" varchar(50),"
              + " \"StartDate\" timestamp, \"EndDate\" timestamp)");
      s.execute(
          "INSERT INTO dbo.\"DimEmployee\" (\"EmpId\", \"FirstName\", \"LastName\","
              + " \"Designation\", \"StartDate\")"
              + " VALUES (101, 'Ann', 'Lee', 'Clerk', '2020-01-01'),"
              + " (102, 'Bob', 'Ray', 'Clerk', '2020-01-01'),"
              + " (103, 'Cid', 'Moe', 'Manager', '2020-01-01'),"
              + " (104, 'Dee', 'Fox', 'Clerk', '2020-01-01')");
      s.execute(
          "CREATE TABLE dbo.\"StgEmployee\" (\"EmpId\" int, \"FirstName\" varchar(50),"
              + " \"LastName\" varchar(50), \"Designation\" varchar(50))");
      s.execute(
          "INSERT INTO dbo.\"StgEmployee\" VALUES (101, 'Ann', 'Lee', 'Clerk'),"
              + " (102, 'Bob', 'Roy', 'Clerk'), (103, 'Cid', 'Moe', 'Director'),"
              + " (104, 'Dana', 'Fox', 'Clerk'), (105, 'Eve', 'Kim', 'Clerk')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theWizardsDimensionConvertsWithItsSettingsAndOutputs() {
    ImportResult imported = SsisImporter.importPackage(DTSX);
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Slowly Changing Dimension"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    String yaml =
        new String(
            ProjectWriter.write(imported.project())
                .all()
                .get("packages/SlowlyChangingDimension.yaml"),
            StandardCharsets.UTF_8);
    assertThat(yaml)
        .contains("type: SlowlyChangingDimension")
        .contains("table: dbo.DimEmployee")
        .contains("businessKey: [EmpId]")
        .contains("columns: {Designation: historical, FirstName: fixed, LastName: changing}")
        .contains("historicalBy: {startDate: StartDate, endDate: EndDate}")
        .contains("fixedAttributeChange: redirect")
        .contains("updateAllMatchingRecords: false")
        .contains("{from: Slowly Changing Dimension, output: Changing}")
        .contains("{from: Slowly Changing Dimension, output: Historical}")
        .contains("output: New\n")
        .contains("{from: Slowly Changing Dimension, output: Fixed}");
  }

  @Test
  @Timeout(120) // a lock held against the flow's own updates would hang it
  void typeOneAndTypeTwoChangesReachTheDimension() throws Exception {
    String url = postgres.getJdbcUrl("postgres", "postgres");
    ImportedRun run =
        ImportedRun.of(
            DTSX,
            new ImportOptions(ImportOptions.SqlDialect.POSTGRESQL), // the wizard's [dbo].[...]
            yaml -> yaml.replaceFirst("url: [^\\n]*", "url: " + ImportedRun.quoted(url)));

    assertThat(run.result().succeeded())
        .as("%s", run.events().stream().map(e -> e.sourceName() + ": " + e.message()).toList())
        .isTrue();
    assertThat(
            rows(
                "SELECT \"EmpId\", \"FirstName\", \"LastName\", \"Designation\","
                    + " \"StartDate\" IS NOT NULL, \"EndDate\" IS NULL FROM dbo.\"DimEmployee\""
                    + " ORDER BY \"EmpId\", \"SK\""))
        .containsExactly(
            "101|Ann|Lee|Clerk|true|true",
            "102|Bob|Roy|Clerk|true|true", // type 1: in place
            "103|Cid|Moe|Manager|true|false", // type 2: expired ...
            "103|Cid|Moe|Director|true|true", // ... and its new current row
            "104|Dee|Fox|Clerk|true|true", // a fixed attribute does not change
            "105|Eve|Kim|Clerk|true|true"); // new
    assertThat(
            rows(
                "SELECT count(*) FROM dbo.\"DimEmployee\" WHERE \"EmpId\" = 103"
                    + " AND \"StartDate\" > '2020-01-01'"))
        .containsExactly("1");
    assertThat(run.rowsInto("Fixed changes")).isEqualTo(1);
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }
}
