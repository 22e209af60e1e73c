package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.ImportOptions.SqlDialect;
import io.sluice.ssis.convert.sql.TsqlCheck;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import io.sluice.ssis.report.ImportReport;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The T-SQL check and {@code --sql-dialect postgresql} on real packages: the corpus's Execute SQL
 * statements are checked and rewritten, and every construct is in the report.
 */
class SqlDialectImportTest {

  private static final ImportOptions POSTGRES = new ImportOptions(SqlDialect.POSTGRESQL);

  private static Path corpus(String file) throws IOException {
    try (Stream<Path> all = CorpusImportTest.packages()) {
      return all.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
    }
  }

  private static List<TaskDefinition> allTasks(List<TaskDefinition> tasks) {
    List<TaskDefinition> all = new ArrayList<>();
    for (TaskDefinition t : tasks) {
      all.add(t);
      all.addAll(allTasks(t.tasks()));
      t.eventHandlers().values().forEach(h -> all.addAll(allTasks(h)));
    }
    return all;
  }

  private static List<String> statements(ImportResult result) {
    return result.project().packages().stream()
        .flatMap(
            p ->
                Stream.concat(
                    p.tasks().stream(), p.eventHandlers().values().stream().flatMap(List::stream)))
        .flatMap(t -> allTasks(List.of(t)).stream())
        .filter(t -> t.type().equals("ExecuteSql"))
        .map(t -> (String) t.properties().get("statement"))
        .filter(s -> s != null)
        .toList();
  }

  @Test
  void withoutTheOptionSqlServerStatementsAreKeptAsWrittenAndNotChecked() throws IOException {
    ImportResult result = SsisImporter.importPackage(corpus("Scanner.dtsx"));

    assertThat(statements(result)).contains("select GETDATE() as LoadDate");
    assertThat(result.report().entries()).noneMatch(e -> e.kind() == ElementKind.SQL);
    assertThat(ImportReportMarkdown.render(result.report())).doesNotContain("SQL for PostgreSQL");
  }

  @Test
  void onAPostgresqlConnectionStatementsAreCheckedAndKeptAsWritten(@TempDir Path dir)
      throws IOException {
    // Scanner.dtsx with its SQL Server connections pointed at PostgreSQL providers instead.
    String xml =
        Files.readString(corpus("Scanner.dtsx"))
            .replace("Provider=SQLNCLI11.1;", "Provider=PostgreSQL OLE DB Provider;")
            .replace("Provider=MSOLEDBSQL.1;", "Provider=PostgreSQL OLE DB Provider;");
    Path scanner = Files.writeString(dir.resolve("Scanner.dtsx"), xml);

    ImportResult result = SsisImporter.importPackage(scanner);

    assertThat(result.project().packages().get(0).connections())
        .anyMatch(c -> String.valueOf(c.properties().get("url")).startsWith("jdbc:postgresql:"));
    assertThat(statements(result)).contains("select GETDATE() as LoadDate");
    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ElementKind.SQL)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.LEFT_OUT);
              assertThat(e.note())
                  .isEqualTo(
                      "PostgreSQL refuses it; --sql-dialect postgresql would rewrite GETDATE()"
                          + " -> LOCALTIMESTAMP (line 1)");
              assertThat(e.todo())
                  .isEqualTo("import with --sql-dialect postgresql, or rewrite it by hand");
            });
  }

  @Test
  void withTheOptionStatementsAreRewrittenAndEachRewriteIsReported() throws IOException {
    ImportResult scanner = SsisImporter.importPackage(corpus("Scanner.dtsx"), POSTGRES);
    assertThat(statements(scanner)).contains("select LOCALTIMESTAMP as LoadDate");
    assertThat(scanner.report().entries())
        .filteredOn(e -> e.kind() == ElementKind.SQL)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ssisType()).isEqualTo("GETDATE()");
              assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED);
              assertThat(e.path()).endsWith(".Properties[SqlStatementSource]");
              assertThat(e.note())
                  .isEqualTo("rewritten for PostgreSQL: GETDATE() -> LOCALTIMESTAMP (line 1)");
            });

    ImportResult loader = SsisImporter.importPackage(corpus("Loader.dtsx"), POSTGRES);
    assertThat(statements(loader)).contains("truncate table \"temp\".\"SOURCE_DUPES\"");
    String md = ImportReportMarkdown.render(loader.report());
    assertThat(md)
        .contains("## SQL for PostgreSQL")
        .contains(
            "| square-bracket name | rewritten | rewritten for PostgreSQL: [temp] -> \"temp\""
                + " (line 1), [SOURCE_DUPES] -> \"SOURCE_DUPES\" (line 1) |");
  }

  @Test
  void whatCannotBeRewrittenStaysAsWrittenAndIsFlaggedPerStatement() throws IOException {
    ImportResult wwi = SsisImporter.importPackage(corpus("DailyETLMain.dtsx"), POSTGRES);

    assertThat(statements(wwi)).contains("EXEC Integration.GetLastETLCutoffTime ?;");
    List<ImportEntry> exec =
        wwi.report().entries().stream()
            .filter(e -> e.kind() == ElementKind.SQL && e.ssisType().equals("EXEC procedure"))
            .toList();
    assertThat(exec).hasSizeGreaterThanOrEqualTo(20);
    assertThat(exec)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.LEFT_OUT);
              assertThat(e.note())
                  .matches("PostgreSQL refuses line \\d: EXEC Integration\\.\\w+: .*");
              assertThat(e.todo()).isEqualTo("rewrite it for PostgreSQL by hand");
            });
    // SQL constructs are reported, never counted as elements.
    assertThat(wwi.report().elements())
        .isEqualTo(SsisImporter.importPackage(corpus("DailyETLMain.dtsx")).report().elements());
  }

  /**
   * The whole corpus with {@code --sql-dialect postgresql}: the constructs found, printed for
   * docs/import-ssis.md (in target/surefire-reports), and no statement left with something the
   * rewrite would still change (a second pass changes nothing).
   */
  @Test
  void theCorpusStatementsAreCheckedAndARewriteIsFinal() throws IOException {
    List<ImportEntry> sql = new ArrayList<>();
    List<String> rewritten = new ArrayList<>();
    for (Path dtsx : CorpusImportTest.packages().toList()) {
      ImportResult r = SsisImporter.importPackage(dtsx, POSTGRES);
      r.report().entries().stream().filter(e -> e.kind() == ElementKind.SQL).forEach(sql::add);
      rewritten.addAll(statements(r));
    }
    ImportReport report = new ImportReport("corpus", sql);
    StringBuilder listing = new StringBuilder();
    sql.forEach(
        e ->
            listing
                .append(e.packageName())
                .append(" ")
                .append(e.path())
                .append(" | ")
                .append(e.ssisType())
                .append(" | ")
                .append(e.outcome())
                .append(" | ")
                .append(e.note())
                .append('\n'));
    System.out.println(listing);

    assertThat(report.entries())
        .extracting(ImportEntry::ssisType)
        .contains("square-bracket name", "GETDATE()", "EXEC procedure", "T-SQL variable");
    assertThat(rewritten).isNotEmpty();
    for (String statement : rewritten) {
      assertThat(TsqlCheck.check(statement, true).sql()).as(statement).isEqualTo(statement);
    }
  }
}
