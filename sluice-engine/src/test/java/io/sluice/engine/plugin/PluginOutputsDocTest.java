package io.sluice.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.component.ComponentPlugin;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestPluginJars;
import io.sluice.engine.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extending.md's "Several outputs" example, as written: the plugin class is compiled from the
 * page and its components run on the SSIS tutorial's rates (a synchronous output rows are directed
 * to, an asynchronous one filled after the last input row), from a project's lib/.
 */
class PluginOutputsDocTest {

  private static final Path PAGE = Path.of("..", "docs", "extending.md");
  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void thePagesLengthSplitDirectsRowsAndAddsItsStatsRowAtTheEnd() throws Exception {
    List<String> blocks = blocks(Files.readString(PAGE), "#### Several outputs");
    String java = blocks.stream().filter(b -> b.startsWith("package ")).findFirst().orElseThrow();
    String yaml = blocks.stream().filter(b -> b.startsWith("- {")).findFirst().orElseThrow();
    Path project = Files.createDirectories(dir.resolve("project"));
    TestPluginJars.writeTo(
        project,
        "length-split.jar",
        TestPluginJars.plugin("org.example.sluice.LengthSplit", java, ComponentPlugin.class));
    Path shortFile = dir.resolve("short.txt");
    Path longFile = dir.resolve("long.txt");
    Path statsFile = dir.resolve("stats.txt");
    Files.writeString(project.resolve("project.yaml"), "name: outputs\n");
    Files.createDirectories(project.resolve("packages"));
    StringBuilder components = new StringBuilder();
    for (String line : yaml.split("\n")) {
      components.append("      ").append(line).append('\n');
    }
    Files.writeString(
        project.resolve("packages/main.yaml"),
        """
        connections:
          - {name: Rates, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: AverageRate}, {name: CurrencyID}, {name: CurrencyDate}, {name: EndOfDayRate}]}
          - {name: Short, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: CurrencyDate}]}
          - {name: Long, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: CurrencyDate}]}
          - {name: Stats, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: Rows}, {name: Longest}]}
        tasks:
          - name: Flow
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: Rates}
        %s"""
            .formatted(RATES, shortFile, longFile, statsFile, components));

    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.fromDirectory(project),
            dir.resolve("jars"),
            "main",
            ParameterValues.none());

    assertThat(events.result.succeeded())
        .as(events.messages(MessageType.ERROR).toString())
        .isTrue();
    List<String> rates = Files.readAllLines(RATES).stream().filter(l -> !l.isBlank()).toList();
    long longer = rates.stream().filter(l -> l.split("\t")[2].length() > 11).count();
    int longest = rates.stream().mapToInt(l -> l.split("\t")[2].length()).max().orElseThrow();
    assertThat(longer).isBetween(1L, (long) rates.size() - 1);
    assertThat(Files.readAllLines(longFile)).hasSize((int) longer);
    assertThat(Files.readAllLines(shortFile)).hasSize(rates.size() - (int) longer);
    assertThat(Files.readAllLines(statsFile)).containsExactly(rates.size() + "\t" + longest);
  }

  /** The fenced blocks of a page's section, without the fences. */
  static List<String> blocks(String page, String heading) {
    int from = page.indexOf(heading);
    assertThat(from).as("the page has " + heading).isNotNegative();
    int to = page.indexOf("\n#", from + heading.length());
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
