package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's tutorial package Lesson1.dtsx, imported and run for real: the flat file
 * SampleCurrencyData.txt through the two Lookups into the fact table, on an embedded PostgreSQL
 * whose tables the repository's datasets/ssis-tutorial/warehouse-postgresql.sql creates.
 *
 * <p>Lesson2.dtsx runs the same flow in a Foreach Loop over the 14 Currency_XXX.txt files.
 *
 * <p>The packages are imported with --sql-dialect postgresql, which rewrites the Lookups' T-SQL
 * ([dbo].[DimCurrency] to "dbo"."DimCurrency"); what changes afterwards, as a user changes it with
 * --connection and --set (dtexec's /CONNECTION and /SET): the database connection's URL (whose
 * currentSchema=dbo is SQL Server's default schema, which Lesson1's [FactCurrency] relies on), and
 * the flat file's path or the loop's folder.
 */
class TutorialRunTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void warehouse() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    String script =
        Files.readString(TutorialImportTest.TUTORIAL.resolve("warehouse-postgresql.sql"));
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(script);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void emptyFacts() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE dbo.\"FactCurrency\"");
    }
  }

  @Test
  void lesson1LoadsTheSampleFileThroughBothLookups() throws Exception {
    String sample = TutorialImportTest.TUTORIAL.resolve("SampleCurrencyData.txt").toString();
    ImportedRun run =
        run(
            "Lesson1",
            yaml -> yaml.replaceFirst("file: '[^']*'", "file: " + ImportedRun.quoted(sample)));

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    assertThat(count("SELECT count(*) FROM dbo.\"FactCurrency\"")).isEqualTo(1097);
    assertThat(count("SELECT count(DISTINCT \"DateKey\") FROM dbo.\"FactCurrency\""))
        .isEqualTo(1097);
    assertThat(count("SELECT min(\"DateKey\") FROM dbo.\"FactCurrency\"")).isEqualTo(20050101);
    assertThat(count("SELECT max(\"DateKey\") FROM dbo.\"FactCurrency\"")).isEqualTo(20080102);
    assertThat(count("SELECT count(*) FROM dbo.\"FactCurrency\" WHERE \"CurrencyKey\" = 100"))
        .isEqualTo(1097);
    assertThat(run.rowsInto("Sample OLE DB Destination")).isEqualTo(1097);
  }

  /**
   * Lesson 2: the same flow in a Foreach Loop over Currency_*.txt, the flat file's path set by an
   * expression from the loop's variable; only the enumerator's folder changes (dtexec's /SET).
   */
  @Test
  void lesson2LoadsEveryCurrencyFileOfTheFolder(@TempDir Path folder) throws Exception {
    copyCurrencyFiles(folder, false);

    ImportedRun run = run("Lesson2", yaml -> pointAt(yaml, folder));

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    assertThat(count("SELECT count(*) FROM dbo.\"FactCurrency\"")).isEqualTo(13_532);
    assertThat(count("SELECT count(DISTINCT \"CurrencyKey\") FROM dbo.\"FactCurrency\""))
        .isEqualTo(14);
  }

  /** With lesson 4's Currency_BAD.txt in the folder the loop fails where SSIS fails. */
  @Test
  void lesson2FailsAtTheCurrencyLookupOnTheBadFile(@TempDir Path folder) throws Exception {
    copyCurrencyFiles(folder, true);

    ImportedRun run = run("Lesson2", yaml -> pointAt(yaml, folder));

    assertThat(run.result().succeeded()).isFalse();
    assertThat(run.errors())
        .anySatisfy(
            m -> assertThat(m).contains("component 'Lookup Currency Key'", "(CurrencyID = BAD)"));
  }

  private static String pointAt(String yaml, Path folder) {
    return yaml.replaceFirst("folder: '[^']*'", "folder: " + ImportedRun.quoted(folder.toString()));
  }

  private static void copyCurrencyFiles(Path folder, boolean withBad) throws Exception {
    try (var files = Files.list(TutorialImportTest.TUTORIAL)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("Currency_") && (withBad || !name.equals("Currency_BAD.txt"))) {
          Files.copy(f, folder.resolve(name));
        }
      }
    }
  }

  /**
   * Imports a tutorial package with --sql-dialect postgresql, points its database connection at the
   * embedded PostgreSQL, applies {@code edit} to the package's YAML, and runs it.
   */
  private static ImportedRun run(String name, UnaryOperator<String> edit) {
    String url = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=dbo";
    return ImportedRun.of(
        TutorialImportTest.TUTORIAL.resolve(name + ".dtsx"),
        new ImportOptions(ImportOptions.SqlDialect.POSTGRESQL),
        yaml ->
            edit.apply(
                yaml.replace(
                    "jdbc:sqlserver://localhost;databaseName=AdventureWorksDW2012;"
                        + "integratedSecurity=true;authenticationScheme=JavaKerberos",
                    url)));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
