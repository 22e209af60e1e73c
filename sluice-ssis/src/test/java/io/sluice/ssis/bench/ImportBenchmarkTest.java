package io.sluice.ssis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/import's main on a small folder: its RESULT line adds up. */
class ImportBenchmarkTest {

  private static final Path TUTORIAL = Path.of("..", "datasets", "ssis-tutorial");
  private static final Path SCANNER =
      Path.of("..", "datasets", "ssis-packages", "7045kHz__dtsx", "SSIS_EXAMPLES", "Scanner.dtsx");

  @TempDir Path dir;

  @Test
  void theResultLineCountsEveryPackageAndItsSharesAddUp() throws Exception {
    Files.copy(TUTORIAL.resolve("Lesson1.dtsx"), dir.resolve("Lesson1.dtsx"));
    Path sub = Files.createDirectories(dir.resolve("examples"));
    Files.copy(SCANNER, sub.resolve("Scanner.dtsx"));
    Files.writeString(sub.resolve("Cut.dtsx"), "<?xml version=\"1.0\"?>\n<DTS:Executable");

    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ImportBenchmark.Result result =
        ImportBenchmark.run(List.of(dir), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    // What the two readable packages give when imported alone, counted here without Coverage.
    List<ImportEntry> entries = new ArrayList<>();
    entries.addAll(SsisImporter.importPackage(dir.resolve("Lesson1.dtsx")).report().entries());
    entries.addAll(SsisImporter.importPackage(sub.resolve("Scanner.dtsx")).report().entries());
    long elements = entries.stream().filter(e -> e.kind().counted()).count();
    long converted =
        entries.stream()
            .filter(e -> e.kind().counted() && e.outcome() == Outcome.CONVERTED)
            .count();
    long tasks = entries.stream().filter(e -> taskOrContainer(e)).count();
    long tasksConverted =
        entries.stream()
            .filter(e -> taskOrContainer(e) && e.outcome() == Outcome.CONVERTED)
            .count();
    long components = entries.stream().filter(e -> e.kind() == ElementKind.COMPONENT).count();
    long componentsConverted =
        entries.stream()
            .filter(e -> e.kind() == ElementKind.COMPONENT && e.outcome() == Outcome.CONVERTED)
            .count();
    assertThat(components).isPositive(); // Lesson1's data flow

    Map<String, String> values = values(result.line());
    assertThat(values.keySet())
        .containsExactly(
            "packages",
            "imported",
            "elements",
            "converted",
            "coverage_pct",
            "tasks_pct",
            "components_pct");
    assertThat(values)
        .containsEntry("packages", "3")
        .containsEntry("imported", "2")
        .containsEntry("elements", String.valueOf(elements))
        .containsEntry("converted", String.valueOf(converted))
        .containsEntry("coverage_pct", pct(converted, elements))
        .containsEntry("tasks_pct", pct(tasksConverted, tasks))
        .containsEntry("components_pct", pct(componentsConverted, components));
    assertThat(out)
        .contains("not imported: " + sub.resolve("Cut.dtsx"))
        .contains("elements not converted, by kind and SSIS type:")
        .containsPattern("\\s+\\d+  COMPONENT ");
  }

  private static boolean taskOrContainer(ImportEntry e) {
    return e.kind() == ElementKind.TASK || e.kind() == ElementKind.CONTAINER;
  }

  private static String pct(long part, long whole) {
    return String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
  }

  private static Map<String, String> values(String line) {
    assertThat(line).startsWith("RESULT ").doesNotContain("\n");
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return values;
  }
}
