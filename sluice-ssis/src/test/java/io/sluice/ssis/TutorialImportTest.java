package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Microsoft's finished tutorial packages (SSIS 2012, format 6), converted element by element. */
class TutorialImportTest {

  static final Path TUTORIAL =
      Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath().normalize();

  private static final String SAMPLE_FOLDER =
      "C:\\Program Files\\Microsoft SQL Server\\110\\Samples\\Integration Services\\Tutorial\\"
          + "Creating a Simple ETL Package\\Sample Data";

  private static final Map<String, Object> COLUMNS_AS_IN_LESSONS =
      Map.of(
          "columns",
          List.of(
              Map.of("name", "AverageRate", "type", "DT_R4"),
              Map.of("name", "CurrencyID", "type", "DT_WSTR,3"),
              Map.of("name", "CurrencyDate", "type", "DT_DBDATE"),
              Map.of("name", "EndOfDayRate", "type", "DT_R4")));

  @Test
  void lesson1ConvertsItsConnectionsAndItsDataFlow() {
    ImportResult result = SsisImporter.importPackage(TUTORIAL.resolve("Lesson1.dtsx"));

    assertThat(result.project().name()).isEqualTo("Lesson1");
    assertThat(result.project().parameters()).isEmpty(); // Windows authentication: no password
    PackageDefinition p = result.project().packages().get(0);
    assertThat(p.name()).isEqualTo("Lesson1");
    assertThat(p.variables()).isEmpty();
    assertThat(p.parameters()).isEmpty();

    assertThat(p.connections())
        .extracting(ConnectionDefinition::name, ConnectionDefinition::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("localhost.AdventureWorksDW2012", "jdbc"),
            org.assertj.core.groups.Tuple.tuple("Sample Flat File Source Data", "flatFile"));
    ConnectionDefinition db = p.connections().get(0);
    assertThat(db.properties())
        .containsExactly(
            Map.entry(
                "url",
                "jdbc:sqlserver://localhost;databaseName=AdventureWorksDW2012;"
                    + "integratedSecurity=true;authenticationScheme=JavaKerberos"));
    assertThat(db.expressions()).isEmpty();
    ConnectionDefinition file = p.connections().get(1);
    assertThat(file.properties())
        .containsEntry("file", SAMPLE_FOLDER + "\\SampleCurrencyData.txt")
        .containsEntry("format", "delimited")
        .containsEntry("delimiter", "\\t")
        .containsEntry("textQualifier", "none")
        .containsEntry("headerRow", false)
        .containsEntry("codePage", 1252L)
        .containsAllEntriesOf(COLUMNS_AS_IN_LESSONS);
    assertThat(file.expressions()).isEmpty();

    assertThat(p.tasks()).hasSize(1);
    TaskDefinition flow = p.tasks().get(0);
    assertThat(flow.name()).isEqualTo("Extract Sample Currency Data");
    assertThat(flow.type()).isEqualTo("DataFlow");
    assertThat(flow.description()).isEqualTo("Data Flow Task");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> components =
        (List<Map<String, Object>>) flow.properties().get("components");
    assertThat(components)
        .extracting(c -> c.get("name") + ":" + c.get("type"))
        .containsExactly(
            "Extract Sample Currency Data:FlatFileSource",
            "Lookup Currency Key:Lookup",
            "Lookup Date Key:Lookup",
            "Sample OLE DB Destination:JdbcDestination");
    assertThat(components.get(0)).containsEntry("connection", "Sample Flat File Source Data");
    assertThat(components.get(1))
        .containsEntry("input", "Extract Sample Currency Data")
        .containsEntry("connection", "localhost.AdventureWorksDW2012")
        .containsEntry("joins", Map.of("CurrencyID", "CurrencyAlternateKey"))
        .containsEntry(
            "columns", List.of(Map.of("reference", "CurrencyKey", "output", "CurrencyKey")))
        .doesNotContainKey("noMatch"); // treat as error, fail component: the default
    assertThat((String) components.get(1).get("query"))
        .as("kept as written")
        .startsWith("select * from (select * from [dbo].[DimCurrency]) as refTable\n");
    assertThat(components.get(2))
        .containsEntry("input", Map.of("from", "Lookup Currency Key", "output", "Match"))
        .containsEntry("query", "select * from [dbo].[DimDate]")
        .containsEntry("joins", Map.of("CurrencyDate", "FullDateAlternateKey"))
        .as("SSIS's Partial cache at its default 25 MB, its parameterised query the generated one")
        .containsEntry("cacheMode", "partial")
        .doesNotContainKeys("cacheSizeMb", "missCache");
    assertThat(components.get(1)).doesNotContainKey("cacheMode");
    assertThat(components.get(3))
        .containsEntry("input", Map.of("from", "Lookup Date Key", "output", "Match"))
        .containsEntry("table", "FactCurrency")
        .containsEntry(
            "mappings",
            Map.of(
                "AverageRate", "AverageRate",
                "EndOfDayRate", "EndOfDayRate",
                "CurrencyKey", "CurrencyKey",
                "DateKey", "DateKey"))
        .containsEntry("tableLock", true) // FastLoadOptions TABLOCK
        .doesNotContainKey("commitSize"); // 2147483647: one transaction, the default

    var report = result.report();
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.COMPONENT)
        .extracting(ImportEntry::path, ImportEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "\\Package\\Extract Sample Currency Data\\Extract Sample Currency Data",
                Outcome.CONVERTED),
            org.assertj.core.groups.Tuple.tuple(
                "\\Package\\Extract Sample Currency Data\\Lookup Currency Key", Outcome.CONVERTED),
            org.assertj.core.groups.Tuple.tuple(
                "\\Package\\Extract Sample Currency Data\\Lookup Date Key", Outcome.CONVERTED),
            org.assertj.core.groups.Tuple.tuple(
                "\\Package\\Extract Sample Currency Data\\Sample OLE DB Destination",
                Outcome.CONVERTED));
    assertThat(report.entries())
        .filteredOn(e -> e.path().endsWith("Lookup Date Key"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ssisType()).isEqualTo("Lookup {671046B0-AA63-4C9F-90E4-C06E0B710CE3}");
              assertThat(e.note()).isNull();
            });
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.TASK)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("\\Package\\Extract Sample Currency Data");
              assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED);
              assertThat(e.ssisType()).isEqualTo("SSIS.Pipeline.3");
            });
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.CONNECTION)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED));
    // two connections, the task and its four components
    assertThat(report.elements()).isEqualTo(7);
    assertThat(report.converted()).isEqualTo(7);
  }

  @Test
  void lesson2ConvertsTheForeachLoopItsVariableAndTheFileExpression() {
    ImportResult result = SsisImporter.importPackage(TUTORIAL.resolve("Lesson2.dtsx"));
    PackageDefinition p = result.project().packages().get(0);

    assertThat(p.variables())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.qualifiedName()).isEqualTo("User::varFileName");
              assertThat(v.type()).isEqualTo("String");
              assertThat(v.value()).isNull();
              assertThat(v.expression()).isNull();
              assertThat(v.readOnly()).isFalse();
            });
    ConnectionDefinition file = p.connections().get(1);
    assertThat(file.expressions()).containsExactly(Map.entry("file", "@[User::varFileName]"));
    assertThat(file.properties()).containsAllEntriesOf(COLUMNS_AS_IN_LESSONS);

    TaskDefinition loop = p.tasks().get(0);
    assertThat(p.tasks()).hasSize(1);
    assertThat(loop.name()).isEqualTo("Foreach File in Folder");
    assertThat(loop.type()).isEqualTo("ForeachLoop");
    assertThat(loop.properties())
        .containsEntry(
            "enumerator",
            Map.of(
                "type", "file",
                "folder", SAMPLE_FOLDER,
                "files", "Currency_*.txt",
                "retrieve", "fullyQualified",
                "recursive", false))
        .containsEntry("variableMappings", Map.of("User::varFileName", 0L));
    assertThat(loop.tasks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("Extract Sample Currency Data");
              assertThat(t.type()).isEqualTo("DataFlow");
              assertThat(t.properties())
                  .as("its file is the loop's variable: validated when it starts, as in SSIS")
                  .containsEntry("delayValidation", true);
            });

    String md = ImportReportMarkdown.render(result.report());
    assertThat(md)
        .contains("Imported from `Lesson2.dtsx`")
        .contains("9 of 9 elements converted (100%)")
        .contains("| Lesson2 | `\\Package.Variables[User::varFileName]` | variable |");
  }
}
