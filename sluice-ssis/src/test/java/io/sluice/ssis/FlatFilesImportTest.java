package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow of flat files (src/test/resources/dataflow/FlatFiles.dtsx, written for these tests): a
 * source with per-column error dispositions and a sorted output, a Union All that maps a column to
 * one of another name, and the source's error output into a file; converted and run.
 */
class FlatFilesImportTest {

  private static final Path FIXTURE =
      Path.of("src", "test", "resources", "dataflow", "FlatFiles.dtsx").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void columnDispositionsSortednessAndUnionAllMappingsConvert() {
    List<Map<String, Object>> c = components(SsisImporter.importPackage(FIXTURE));

    assertThat(c)
        .extracting(m -> m.get("name") + ":" + m.get("type"))
        .containsExactly(
            "Read in:FlatFileSource",
            "Read more:FlatFileSource",
            "All (Union All Input 2 names):DerivedColumn",
            "All:UnionAll",
            "Write:FlatFileDestination",
            "Write bad:FlatFileDestination");
    assertThat(c.get(0))
        .containsEntry("columnErrors", Map.of("Amount", "redirect"))
        .containsEntry("sortedBy", List.of("Code"));
    assertThat(c.get(1)).doesNotContainKeys("onError", "columnErrors", "sortedBy");
    assertThat(c.get(2))
        .containsEntry("input", "Read more")
        .containsEntry("columns", List.of(Map.of("name", "Code", "expression", "[Name]")));
    assertThat(c.get(3))
        .containsEntry("inputs", List.of("Read in", "All (Union All Input 2 names)"))
        .containsEntry("columns", List.of("Code", "Amount"));
    assertThat(c.get(5)).containsEntry("input", Map.of("from", "Read in", "output", "Error"));
  }

  @Test
  void theFlowRunsAsSsisWouldRunIt() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "Code,Amount\r\nabc,1\r\nxyz,oops\r\n");
    Files.writeString(dir.resolve("more.csv"), "Name,Amount\r\ndef,3\r\n");

    ImportedRun run = ImportedRun.of(FIXTURE, this::files);

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("out.csv"), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("Code,Amount", "abc,1", "def,3");
    assertThat(Files.readAllLines(dir.resolve("bad.csv"), StandardCharsets.UTF_8))
        .as("the conversion error's code, 0xC020907F")
        .containsExactly("ErrorCode", "-1071607681");
  }

  /** SSIS's error output of a flat file source holds the raw line; Sluice's does not. */
  @Test
  void aFlowThatReadsTheRawLineOfAnErrorOutputStaysAPlaceholder() throws Exception {
    Path copy = dir.resolve("RawLine.dtsx");
    Files.writeString(
        copy,
        Files.readString(FIXTURE)
            .replace(
                "lineageId=\"Package\\Load\\Read in.Outputs[Flat File Source Error Output]"
                    + ".Columns[ErrorCode]\" />",
                "lineageId=\"Package\\Load\\Read in.Outputs[Flat File Source Error Output]"
                    + ".Columns[Flat File Source Error Output Column]\" />"));

    ImportResult result = SsisImporter.importPackage(copy);

    assertThat(result.project().packages().get(0).tasks().get(0).type()).isEqualTo("Unsupported");
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Write bad"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.LEFT_OUT);
              assertThat(e.note())
                  .startsWith(
                      "it reads the raw line of Read in's error output (Flat File Source Error"
                          + " Output Column)");
            });
    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ImportEntry.ElementKind.COMPONENT)
        .filteredOn(e -> !e.path().endsWith("Write bad"))
        .allSatisfy(e -> assertThat(e.note()).startsWith("it would convert to"));
  }

  private String files(String yaml) {
    for (String name : List.of("in", "more", "out", "bad")) {
      yaml =
          yaml.replace(
              "file: " + name + ".csv",
              "file: " + ImportedRun.quoted(dir.resolve(name + ".csv").toString()));
    }
    return yaml;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> components(ImportResult result) {
    TaskDefinition flow = result.project().packages().get(0).tasks().get(0);
    assertThat(flow.type()).isEqualTo("DataFlow");
    return (List<Map<String, Object>>) flow.properties().get("components");
  }
}
