package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit, Character Map, Percentage Sampling, Row Sampling, Unpivot and Pivot
 * (src/test/resources/dataflow/Transforms.dtsx, written for these tests) converted, and run on the
 * SSIS tutorial's SampleCurrencyData.txt.
 */
class TransformsImportTest {

  private static final Path FIXTURE =
      Path.of("src", "test", "resources", "dataflow", "Transforms.dtsx").toAbsolutePath();
  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void eachComponentConvertsToItsEngineType() {
    ImportResult result = SsisImporter.importPackage(FIXTURE);
    List<Map<String, Object>> c = components(result);

    assertThat(c)
        .extracting(m -> m.get("name") + ":" + m.get("type"))
        .containsExactly(
            "Read rates:FlatFileSource",
            "Stamp:Audit",
            "Map codes:CharacterMap",
            "Half:PercentageSampling",
            "Sample:RowSampling",
            "Rate rows:Unpivot",
            "Rates again:Pivot",
            "Write:FlatFileDestination",
            "Write rest:FlatFileDestination");
    assertThat(c.get(1))
        .containsEntry(
            "columns",
            List.of(
                Map.of("name", "Machine", "item", "MachineName", "type", "DT_WSTR,255"),
                Map.of("name", "Package", "item", "PackageName", "type", "DT_WSTR,255"),
                Map.of("name", "PackageGuid", "item", "PackageID", "type", "DT_WSTR,38")));
    assertThat(c.get(2))
        .containsEntry(
            "columns",
            List.of(
                Map.of(
                    "input", "CurrencyID",
                    "operations", List.of("lowercase"),
                    "output", "CurrencyCode",
                    "onError", "redirect")));
    assertThat(c.get(3)).containsEntry("percent", 50L).containsEntry("seed", 3L);
    assertThat(c.get(4))
        .containsEntry("input", Map.of("from", "Half", "output", "Selected"))
        .containsEntry("rows", 100L)
        .containsEntry("seed", 1L);
    assertThat(c.get(5))
        .containsEntry("input", Map.of("from", "Sample", "output", "Selected"))
        .containsEntry("pivotKeyColumn", "RateType")
        .containsEntry("pivotKeyType", "DT_WSTR,20")
        .containsEntry("passThrough", List.of("CurrencyDate", "CurrencyCode", "Machine"));
    assertThat(c.get(6))
        .containsEntry("setKey", List.of("CurrencyDate"))
        .containsEntry("pivotKey", "RateType")
        .containsEntry("pivotValue", "Rate")
        .containsEntry("passThrough", List.of("CurrencyCode", "Machine"))
        .containsEntry(
            "columns",
            List.of(
                Map.of("name", "Average", "pivotKeyValue", "Average"),
                Map.of("name", "EndOfDay", "pivotKeyValue", "EndOfDay")));
    assertThat(c.get(8)).containsEntry("input", Map.of("from", "Sample", "output", "Unselected"));
    assertThat(result.report().entries())
        .filteredOn(e -> e.kind() == ImportEntry.ElementKind.COMPONENT)
        .allSatisfy(e -> assertThat(e.outcome()).as(e.path()).isEqualTo(Outcome.CONVERTED));
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().endsWith("\\Stamp"))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).contains("PackageID, which Sluice has not"));
  }

  @Test
  void theFlowRunsOnTheTutorialRates() throws Exception {
    ImportedRun run = ImportedRun.of(FIXTURE, this::files);

    assertThat(run.result().succeeded()).as("%s", run.errors()).isTrue();
    List<String> out = Files.readAllLines(dir.resolve("out.csv"), StandardCharsets.UTF_8);
    List<String> rest = Files.readAllLines(dir.resolve("rest.csv"), StandardCharsets.UTF_8);
    assertThat(out.get(0)).isEqualTo("CurrencyDate,CurrencyCode,Machine,Average,EndOfDay");
    assertThat(out).hasSize(1 + 100);
    int half = 100 + rest.size() - 1;
    assertThat(half).as("about half of 1,097 rates").isBetween(450, 650);
    assertThat(run.rowsInto("Sample")).isEqualTo(half);

    // every pivoted row holds its day's two rates, as the file has them
    Map<String, String> byDay = new HashMap<>();
    for (String line : Files.readAllLines(RATES)) {
      if (!line.isBlank()) {
        String[] f = line.split("\t");
        byDay.put(f[2], Double.parseDouble(f[0]) + "/" + Double.parseDouble(f[3]));
      }
    }
    for (String line : out.subList(1, out.size())) {
      String[] f = line.split(",");
      assertThat(f[1]).isEqualTo("usd");
      assertThat(f[2]).isNotBlank();
      String day = day(f[0]);
      assertThat(Double.parseDouble(f[3]) + "/" + Double.parseDouble(f[4]))
          .as(line)
          .isEqualTo(byDay.get(day));
    }
  }

  /** A Chinese conversion Sluice cannot do keeps the flow a placeholder that says why. */
  @Test
  void aCharacterMapOperationSluiceDoesNotDoKeepsTheFlowAPlaceholder() throws Exception {
    Path copy = dir.resolve("Chinese.dtsx");
    Files.writeString(
        copy,
        Files.readString(FIXTURE)
            .replace(
                "<property name=\"MapFlags\">256</property>",
                "<property name=\"MapFlags\">33554432</property>"));

    ImportResult result = SsisImporter.importPackage(copy);

    assertThat(result.project().packages().get(0).tasks().get(0).type()).isEqualTo("Unsupported");
    assertThat(result.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Load\\Map codes"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.note())
                    .contains(
                        "column CurrencyCode uses simplifiedChinese, which Sluice does not do"));
  }

  /** {@code 2005-01-01 00:00:00} as the tutorial file writes it, {@code 1/1/05 0:00}. */
  private static String day(String written) {
    String[] date = written.substring(0, 10).split("-");
    return Integer.parseInt(date[1])
        + "/"
        + Integer.parseInt(date[2])
        + "/"
        + date[0].substring(2)
        + " 0:00";
  }

  private String files(String yaml) {
    return yaml.replace(
            "file: SampleCurrencyData.txt", "file: " + ImportedRun.quoted(RATES.toString()))
        .replace("file: out.csv", "file: " + ImportedRun.quoted(dir.resolve("out.csv").toString()))
        .replace(
            "file: rest.csv", "file: " + ImportedRun.quoted(dir.resolve("rest.csv").toString()));
  }

  @SuppressWarnings("unchecked")
  /**
   * Which output is the sample is the output's {@code Selected} property (Microsoft's
   * Transformation Custom Properties page), whatever the designer or the user named the outputs.
   */
  @Test
  void aSamplingsOutputsAreTakenByTheirSelectedProperty(@TempDir Path dir) throws Exception {
    Path renamed = dir.resolve("Transforms.dtsx");
    Files.writeString(
        renamed,
        Files.readString(FIXTURE)
            .replace(
                "name=\"Sampling Selected Output\">",
                "name=\"Rows\"><properties><property name=\"Selected\">true</property></properties>")
            .replace(
                "name=\"Sampling Unselected Output\">",
                "name=\"Rest of the rows\"><properties><property name=\"Selected\">false</property>"
                    + "</properties>"));

    List<Map<String, Object>> c = components(SsisImporter.importPackage(renamed));

    assertThat(c.get(5)).containsEntry("input", Map.of("from", "Sample", "output", "Selected"));
    assertThat(c.get(8))
        .containsEntry("name", "Write rest")
        .containsEntry("input", Map.of("from", "Sample", "output", "Unselected"));
  }

  private static List<Map<String, Object>> components(ImportResult result) {
    TaskDefinition flow = result.project().packages().get(0).tasks().get(0);
    assertThat(flow.type()).as("%s", result.report().entries()).isEqualTo("DataFlow");
    return (List<Map<String, Object>>) flow.properties().get("components");
  }
}
