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
  void lesson1ConvertsItsConnectionsAndLeavesItsDataFlowAsAPlaceholder() {
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
    assertThat(flow.type()).isEqualTo("Unsupported");
    assertThat(flow.description()).isEqualTo("Data Flow Task");
    assertThat(flow.properties()).containsEntry("ssisType", "SSIS.Pipeline.3");
    assertThat((String) flow.properties().get("message"))
        .startsWith("this importer does not convert data flows yet (4 components");

    var report = result.report();
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.COMPONENT)
        .extracting(ImportEntry::path)
        .containsExactly(
            "\\Package\\Extract Sample Currency Data\\Extract Sample Currency Data",
            "\\Package\\Extract Sample Currency Data\\Lookup Currency Key",
            "\\Package\\Extract Sample Currency Data\\Lookup Date Key",
            "\\Package\\Extract Sample Currency Data\\Sample OLE DB Destination");
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.TASK)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("\\Package\\Extract Sample Currency Data");
              assertThat(e.outcome()).isEqualTo(Outcome.PLACEHOLDER);
              assertThat(e.ssisType()).isEqualTo("SSIS.Pipeline.3");
            });
    assertThat(report.entries())
        .filteredOn(e -> e.kind() == ElementKind.CONNECTION)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.CONVERTED));
    // two connections of seven elements: the task and its four components are not converted
    assertThat(report.elements()).isEqualTo(7);
    assertThat(report.converted()).isEqualTo(2);
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
              assertThat(t.type()).isEqualTo("Unsupported");
            });

    String md = ImportReportMarkdown.render(result.report());
    assertThat(md)
        .contains("Imported from `Lesson2.dtsx`")
        .contains(
            "| Lesson2 | `\\Package\\Foreach File in Folder\\Extract Sample Currency Data` |"
                + " SSIS.Pipeline.3 | placeholder task |")
        .contains("| Lesson2 | `\\Package.Variables[User::varFileName]` | variable |");
  }
}
