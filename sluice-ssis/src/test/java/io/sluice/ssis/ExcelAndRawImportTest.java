package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.report.ImportEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Excel connection manager, Excel Destination and Source, and Raw File Destination and Source
 * (src/test/resources/dataflow/ExcelAndRaw.dtsx, written for these tests): converted, then run from
 * a flat file to a sheet, the sheet to a raw file and the raw file to a flat file.
 */
class ExcelAndRawImportTest {

  private static final Path FIXTURE =
      Path.of("src", "test", "resources", "dataflow", "ExcelAndRaw.dtsx").toAbsolutePath();

  @TempDir Path dir;

  private Path fixture() throws Exception {
    Path copy = dir.resolve("ExcelAndRaw.dtsx");
    Files.writeString(
        copy,
        Files.readString(FIXTURE)
            .replace("IN_PATH", dir.resolve("in.csv").toString())
            .replace("BOOK_PATH", dir.resolve("book.xlsx").toString())
            .replace("RAW_PATH", dir.resolve("staged.raw").toString())
            .replace("OUT_PATH", dir.resolve("out.csv").toString()));
    return copy;
  }

  @Test
  void excelAndRawFileComponentsConvertToTheirSluiceCounterparts() throws Exception {
    ImportResult result = SsisImporter.importPackage(fixture());

    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ImportEntry.ElementKind.COMPONENT)
        .allSatisfy(e -> assertThat(e.outcome()).isNotEqualTo(ImportEntry.Outcome.PLACEHOLDER));
    List<TaskDefinition> tasks = result.project().packages().get(0).tasks();
    Map<String, Object> write = components(tasks.get(0)).get(2);
    assertThat(write)
        .containsEntry("type", "ExcelDestination")
        .containsEntry("connection", "Book")
        .containsEntry("sheet", "Codes$")
        .containsEntry("columns", List.of("Code", "Total"));
    Map<String, Object> read = components(tasks.get(1)).get(0);
    assertThat(read)
        .containsEntry("type", "ExcelSource")
        .containsEntry("columnErrors", Map.of("Total", "redirect"))
        .containsEntry(
            "columns",
            List.of(
                Map.of("name", "Code", "type", "DT_WSTR,255"),
                Map.of("name", "Total", "type", "DT_R8")));
    assertThat(components(tasks.get(1)).get(1))
        .containsEntry("type", "RawFileDestination")
        .containsEntry("writeOption", "createAlways");
    assertThat(components(tasks.get(2)).get(0)).containsEntry("type", "RawFileSource");
  }

  @Test
  void theImportedPackageRunsFromAFlatFileThroughASheetAndARawFile() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "Code,Amount\r\nabc,1\r\ndef,30\r\n");

    ImportedRun run = ImportedRun.of(fixture(), yaml -> yaml);

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("out.csv"), StandardCharsets.UTF_8))
        .containsExactly("Code,Amount", "abc,1", "def,30");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> components(TaskDefinition flow) {
    assertThat(flow.type()).isEqualTo("DataFlow");
    return (List<Map<String, Object>>) flow.properties().get("components");
  }
}
