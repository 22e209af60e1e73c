package io.sluice.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/data-flow.md's Excel example run as a package; its settings checked at validation. */
class ExcelDocsTest {

  @TempDir Path dir;

  private Map<String, byte[]> project(String packageYaml, Path workbook) {
    String project =
        """
        name: docs
        connections:
          - {name: rates, type: flatFile, file: 'RATES', delimiter: '\\t', headerRow: false, columns: [{name: AverageRate, type: DT_R8}, {name: CurrencyID, type: 'DT_WSTR,3'}, {name: CurrencyDate, type: DT_DBTIMESTAMP}, {name: EndOfDayRate, type: 'DT_NUMERIC,18,9'}]}
          - {name: workbook, type: file, path: 'WORKBOOK', usage: createFile}
        """
            .replace("RATES", ExcelFlows.DATASETS.resolve("SampleCurrencyData.txt").toString())
            .replace("WORKBOOK", workbook.toString());
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", project.getBytes(StandardCharsets.UTF_8));
    files.put("packages/main.yaml", packageYaml.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The first ```yaml block after {@code heading} in docs/data-flow.md. */
  private static String example(String heading) throws Exception {
    String text = Files.readString(Path.of("..", "docs", "data-flow.md"));
    int at = text.indexOf(heading);
    assertThat(at).as(heading).isNotNegative();
    int start = text.indexOf("```yaml\n", at) + "```yaml\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  @Test
  void theExampleWritesTheTutorialsRatesToASheetAndReadsThemBack() throws Exception {
    Path workbook = dir.resolve("rates.xlsx");
    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.of(project(example("### ExcelDestination and ExcelSource"), workbook)),
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of(), Map.of()));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains(
            "\"" + workbook + "\" sheet 'Rates': 1097 rows written.",
            "\"" + workbook + "\" sheet 'Rates': 1097 rows read.");
  }

  @Test
  void aMisspeltSettingIsRefusedWhenTheProjectIsValidated() {
    String yaml =
        """
        tasks:
          - name: Read
            type: DataFlow
            components:
              - {name: Read sheet, type: ExcelSource, connection: workbook, sheeet: Rates}
        """;
    assertThatThrownBy(
            () -> ProjectParser.parse(ProjectFiles.of(project(yaml, dir.resolve("x.xlsx")))))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining(
            "component 'Read sheet' (ExcelSource): unknown setting 'sheeet' in an ExcelSource"
                + " component; did you mean 'sheet'?");
  }
}
