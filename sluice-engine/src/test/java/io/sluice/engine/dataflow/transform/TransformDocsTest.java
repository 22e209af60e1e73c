package io.sluice.engine.dataflow.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/data-flow.md's Audit, RowSampling, PercentageSampling, Unpivot, Pivot and
 * CharacterMap sections, read from the page and run as written in a real package on the SSIS
 * tutorial's SampleCurrencyData.txt (1,097 USD rates); the last component's first output is written
 * to a file, which the test reads back. The page cannot drift from what Sluice does.
 */
class TransformDocsTest {

  private static final Path DOCS = Path.of("..", "docs", "data-flow.md");
  static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();
  static final int RATE_ROWS = 1097;

  @TempDir Path dir;

  @Test
  void auditAddsTheRunsSystemValues() throws Exception {
    List<Map<String, String>> rows = run("### Audit");

    assertThat(rows).hasSize(RATE_ROWS);
    Map<String, String> first = rows.get(0);
    assertThat(first.get("RunId")).matches("\\{[0-9A-F-]{36}\\}");
    assertThat(first.get("Package")).isEqualTo("main");
    assertThat(first.get("Task")).isEqualTo("Flow");
    assertThat(first.get("Machine")).isNotBlank();
    assertThat(first.get("LoadedBy")).isEqualTo(System.getProperty("user.name"));
    assertThat(first.get("LoadedAt")).isNotBlank();
    assertThat(rows).extracting(r -> r.get("RunId")).containsOnly(first.get("RunId"));
  }

  @Test
  void rowSamplingSelectsExactlyTheRowsAsked() throws Exception {
    List<Map<String, String>> rows = run("### RowSampling");

    assertThat(rows).hasSize(100);
    // in input order: the dates rise
    List<String> days = rows.stream().map(r -> r.get("CurrencyDate")).toList();
    assertThat(days).doesNotHaveDuplicates();
    assertThat(run("### RowSampling")).isEqualTo(rows); // the seed gives the same sample
  }

  @Test
  void percentageSamplingSelectsAboutThePercentage() throws Exception {
    List<Map<String, String>> rows = run("### PercentageSampling");

    assertThat(rows.size()).isBetween(60, 160);
    assertThat(run("### PercentageSampling")).isEqualTo(rows);
  }

  @Test
  void unpivotGivesARowPerRate() throws Exception {
    List<Map<String, String>> rows = run("### Unpivot");

    assertThat(rows).hasSize(2 * RATE_ROWS);
    assertThat(rows.get(0)).containsEntry("RateType", "Average").containsEntry("CurrencyID", "USD");
    assertThat(rows.get(1)).containsEntry("RateType", "EndOfDay");
    assertThat(rows.get(0)).containsOnlyKeys("CurrencyID", "CurrencyDate", "Rate", "RateType");
  }

  @Test
  void pivotPutsTheUnpivotedRatesBack() throws Exception {
    List<Map<String, String>> rows = run("### Pivot");

    assertThat(rows).hasSize(RATE_ROWS);
    List<String> lines = Files.readAllLines(RATES).stream().filter(l -> !l.isBlank()).toList();
    String[] firstLine = lines.get(0).split("\t");
    assertThat(Double.parseDouble(rows.get(0).get("AverageRate")))
        .isEqualTo(Double.parseDouble(firstLine[0]));
    assertThat(Double.parseDouble(rows.get(0).get("EndOfDayRate")))
        .isEqualTo(Double.parseDouble(firstLine[3]));
    String[] lastLine = lines.get(lines.size() - 1).split("\t");
    assertThat(Double.parseDouble(rows.get(RATE_ROWS - 1).get("EndOfDayRate")))
        .isEqualTo(Double.parseDouble(lastLine[3]));
  }

  @Test
  void characterMapMapsInPlaceAndIntoANewColumn() throws Exception {
    List<Map<String, String>> rows = run("### CharacterMap");

    assertThat(rows).hasSize(RATE_ROWS);
    assertThat(rows).extracting(r -> r.get("CurrencyCode")).containsOnly("usd");
    assertThat(rows).extracting(r -> r.get("CurrencyID")).containsOnly("ＵＳＤ");
  }

  /** Runs the section's YAML blocks as the flow after 'Read rates'; the rows written, by name. */
  private List<Map<String, String>> run(String heading) throws Exception {
    List<String> blocks = blocks(Files.readString(DOCS), heading, "\n### ");
    assertThat(blocks).as(heading).hasSize(1);
    String yaml = blocks.get(0);
    String last = null;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("- name: ")) {
        last = line.substring("- name: ".length()).trim();
      }
    }
    Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
    StringBuilder flow = new StringBuilder();
    flow.append("      - {name: Read rates, type: FlatFileSource, connection: Rates}\n");
    for (String line : yaml.split("\n")) {
      flow.append("      ").append(line).append('\n');
    }
    flow.append(
        "      - {name: Write, type: FlatFileDestination, input: '"
            + last
            + "', connection: Out}\n");
    String main =
        """
        connections:
          - name: Rates
            type: flatFile
            file: '%s'
            delimiter: '\\t'
            columns:
              - {name: AverageRate, type: DT_R8}
              - {name: CurrencyID, type: 'DT_WSTR,3'}
              - {name: CurrencyDate, type: DT_DBTIMESTAMP}
              - {name: EndOfDayRate, type: DT_R8}
          - name: Out
            type: flatFile
            file: '%s'
            delimiter: '|'
            encoding: UTF-8
            headerRow: true
        tasks:
          - name: Flow
            type: DataFlow
            components:
        %s"""
            .formatted(RATES, out, flow);
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", "name: docs\n".getBytes(StandardCharsets.UTF_8));
    files.put("packages/main.yaml", main.getBytes(StandardCharsets.UTF_8));
    RecordedEvents events =
        io.sluice.engine.testing.TestRuns.run(
            ProjectFiles.of(files),
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of(), Map.of()));
    assertThat(events.result.succeeded())
        .as(heading + ": " + events.messages(MessageType.ERROR))
        .isTrue();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\\|", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] values = line.split("\\|", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], values[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The fenced blocks of a page between {@code heading} and the next {@code end}. */
  static List<String> blocks(String page, String heading, String end) {
    int from = page.indexOf(heading);
    assertThat(from).as("the page has " + heading).isNotNegative();
    int to = page.indexOf(end, from + heading.length());
    String section = page.substring(from, to < 0 ? page.length() : to);
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : section.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          blocks.add(block.toString());
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
