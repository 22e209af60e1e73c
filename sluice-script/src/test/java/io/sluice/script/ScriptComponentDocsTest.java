package io.sluice.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Script Component examples of docs/script-task.md and docs/data-flow.md, read from the pages
 * and run as written on the SSIS tutorial's SampleCurrencyData.txt, so the pages cannot drift from
 * what Sluice does. Each YAML block is a data flow's {@code components}; the Java block of the port
 * is the file its YAML names.
 */
class ScriptComponentDocsTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void everyScriptComponentExampleOfScriptTaskMdRunsOnTheTutorialRates() throws Exception {
    List<String> blocks =
        blocks(
            Files.readString(DOCS.resolve("script-task.md")), "## The Script Component", "\n## ");
    List<String> yaml = blocks.stream().filter(b -> b.startsWith("components:")).toList();
    String port =
        blocks.stream()
            .filter(b -> b.startsWith("public class ScriptMain extends UserComponent"))
            .findFirst()
            .orElseThrow();
    List<String> rates = Files.readAllLines(RATES).stream().filter(l -> !l.isBlank()).toList();
    long closedAbove =
        rates.stream().filter(l -> Double.parseDouble(l.split("\t")[3]) > 1.0).count();
    long years =
        rates.stream().map(l -> l.split("\t")[2].split(" ")[0].split("/")[2]).distinct().count();
    // what each block leaves in User::Rows, User::High and User::AboveParity, in page order
    List<String> expected =
        List.of(
            "Rows=1097 High=0 AboveParity=0", // typed transformation
            "Rows=365 High=105 AboveParity=0", // a source with two outputs: 2005's days, weekends
            "Rows=" + years + " High=0 AboveParity=0", // a row per year at the end of the input
            "Rows=" + (1097 - closedAbove) + " High=" + closedAbove + " AboveParity=0", // Direct..
            "Rows=" + (1097 - closedAbove) + " High=" + closedAbove + " AboveParity=0", // truncated
            "Rows=" + (1097 - closedAbove) + " High=" + closedAbove + " AboveParity=0", // by name
            "Rows=0 High=0 AboveParity=" + closedAbove); // the port
    assertThat(yaml).hasSize(expected.size());
    assertThat(closedAbove).isBetween(1L, 1096L);

    for (int i = 0; i < yaml.size(); i++) {
      Map<String, byte[]> files = project(yaml.get(i));
      files.put("scripts/Port/ScriptMain.java", port.getBytes(StandardCharsets.UTF_8));

      RecordedEvents events = run(files);

      assertThat(events.result.succeeded()).as("block %d: %s", i + 1, events.all()).isTrue();
      assertThat(events.messages(MessageType.INFORMATION))
          .as("block %d", i + 1)
          .contains(expected.get(i));
    }
  }

  @Test
  void theScriptComponentExampleOfDataFlowMdRuns() throws Exception {
    List<String> blocks =
        blocks(Files.readString(DOCS.resolve("data-flow.md")), "### ScriptComponent", "\n### ");
    assertThat(blocks).hasSize(1);
    StringBuilder components =
        new StringBuilder(
            "components:\n  - {name: Read rates, type: FlatFileSource, connection: Rates}\n");
    for (String line : blocks.get(0).split("\n")) {
      components.append("  ").append(line).append('\n');
    }
    components.append(
        "  - {name: Count above, type: RowCount, input: {from: Spread, output: Above}, variable: User::High}\n");
    long above =
        Files.readAllLines(RATES).stream()
            .filter(l -> !l.isBlank())
            .filter(
                l -> Double.parseDouble(l.split("\t")[3]) > Double.parseDouble(l.split("\t")[0]))
            .count();

    RecordedEvents events = run(project(components.toString()));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("Rows=0 High=" + above + " AboveParity=0");
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

  /** A package with the Rates connection, the variables the examples use and a Show task. */
  private static Map<String, byte[]> project(String components) {
    StringBuilder flow = new StringBuilder();
    for (String line : components.split("\n")) {
      flow.append("    ").append(line).append('\n');
    }
    String main =
        """
        variables:
          - {name: Rows, type: Int32, value: 0}
          - {name: High, type: Int32, value: 0}
          - {name: AboveParity, type: Int32, value: 0}
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
        tasks:
          - name: Flow
            type: DataFlow
        %s  - name: Show
            type: Script
            after: [Flow]
            readOnlyVariables: [User::Rows, User::High, User::AboveParity]
            source: |
              import io.sluice.api.script.*;
              public class ScriptMain implements Script {
                public void main(Dts dts) {
                  var v = dts.variables();
                  dts.events().fireInformation(0, "", "Rows=" + v.get("User::Rows")
                      + " High=" + v.get("User::High") + " AboveParity=" + v.get("User::AboveParity"));
                }
              }
        """
            .formatted(RATES, flow);
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", "name: docs\n".getBytes(StandardCharsets.UTF_8));
    files.put("packages/main.yaml", main.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private RecordedEvents run(Map<String, byte[]> files) {
    return TestRuns.run(
        ProjectFiles.of(files),
        dir.resolve("jars"),
        "main",
        new ParameterValues(Map.of(), Map.of()));
  }
}
