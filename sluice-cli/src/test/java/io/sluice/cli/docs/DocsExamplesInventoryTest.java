package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.docs.DocBlocks.Block;
import io.sluice.cli.docs.DocsExamples.Entry;
import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.plugin.BuiltInPlugins;
import io.sluice.engine.runtime.task.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every YAML example of docs/*.md is run by a test: {@link DocsExamplesRunTest} here, or the
 * feature test {@link DocsExamples} names for it (whose source must name the block's section), or
 * it is one of the few {@link DocsExamples#excepted} blocks with their reasons. A new example that
 * none of these takes fails here, naming its page and line.
 */
class DocsExamplesInventoryTest {

  @Test
  void everyYamlExampleOfTheDocsIsRunByATest() {
    List<Block> blocks = DocBlocks.all();
    List<String> unrun = new ArrayList<>();
    for (Block b : blocks) {
      List<Entry> entries = DocsExamples.ENTRIES.stream().filter(e -> e.matches(b)).toList();
      if (entries.isEmpty()) {
        unrun.add(
            b.where()
                + " is run by no test: "
                + b.heading()
                + " (block "
                + b.ordinal()
                + " of its section); add it to DocsExamples: run(...) with a recipe,"
                + " ranBy(...) naming the feature test that runs it, or excepted(...) with why");
      } else if (entries.size() > 1) {
        unrun.add(b.where() + " is named by several entries: " + entries);
      }
    }
    assertThat(unrun).as("docs examples no test runs").isEmpty();
  }

  @Test
  void everyEntryNamesABlockThatExists() {
    List<Block> blocks = DocBlocks.all();
    List<String> stale =
        DocsExamples.ENTRIES.stream()
            .filter(e -> blocks.stream().noneMatch(e::matches))
            .map(e -> e + " names no YAML block of docs/ (the section was renamed or removed?)")
            .toList();
    assertThat(stale).isEmpty();
  }

  @Test
  void everyFeatureTestNamedReadsTheBlocksSection() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Entry e : DocsExamples.ENTRIES) {
      if (e.featureTest() == null) {
        continue;
      }
      Path source = DocsHarness.REPO.resolve(e.featureTest());
      if (!Files.exists(source)) {
        wrong.add(e + ": " + e.featureTest() + " does not exist");
      } else if (!Files.readString(source).contains(e.evidence())) {
        wrong.add(e + ": " + e.featureTest() + " does not mention " + e.evidence());
      } else if (!Files.readString(source).contains(e.page())) {
        wrong.add(e + ": " + e.featureTest() + " does not read " + e.page());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theExceptionsAreFewAndSayWhy() {
    List<Entry> excepted = DocsExamples.ENTRIES.stream().filter(e -> e.reason() != null).toList();
    assertThat(excepted).hasSizeLessThanOrEqualTo(2).allMatch(e -> e.reason().length() > 40);
  }

  /** Task types, containers, components and connection types Sluice has. */
  static Set<String> sluiceTypes() {
    Set<String> types = new TreeSet<>(List.of("Sequence", "ForLoop", "ForeachLoop"));
    ServiceLoader.load(TaskType.class).forEach(t -> types.add(t.name()));
    BuiltInPlugins.taskTypes().forEach(t -> types.add(t.name()));
    types.addAll(ComponentRegistry.standard().names());
    types.addAll(List.of("jdbc", "flatFile", "file", "cache"));
    BuiltInPlugins.connectionPlugins().values().forEach(c -> types.add(c.name()));
    return types;
  }

  /**
   * issue 14's proof: every type is in docs/package-format.md or docs/data-flow.md with an example
   * that a test runs. An example names a type with {@code type:}; the tests above make sure the
   * block runs.
   */
  @Test
  void everyTypeHasAnExampleThatRuns() {
    Set<String> shown = new TreeSet<>(); // Ftp (task) is not ftp (connection)
    for (Block b : DocBlocks.all()) {
      if (entry(b).reason() == null) {
        List<String> types = new ArrayList<>();
        DocsYamlTest.collectTypes(DocsYamlTest.yaml().load(b.text()), types);
        shown.addAll(types);
      }
    }
    List<String> missing = sluiceTypes().stream().filter(t -> !shown.contains(t)).toList();
    assertThat(missing).as("types without a docs example that runs").isEmpty();
  }

  /** The counts, for the record: printed by the build. */
  @Test
  void countsAddUp() {
    List<Block> blocks = DocBlocks.all();
    long generic = blocks.stream().filter(b -> entry(b).recipe() != null).count();
    long feature = blocks.stream().filter(b -> entry(b).featureTest() != null).count();
    long excepted = blocks.stream().filter(b -> entry(b).reason() != null).count();
    System.out.printf(
        "docs examples: %d YAML blocks, %d run by DocsExamplesRunTest, %d by feature tests, %d"
            + " excepted%n",
        blocks.size(), generic, feature, excepted);
    assertThat(generic + feature + excepted).isEqualTo(blocks.size());
  }

  private static Entry entry(Block b) {
    return DocsExamples.ENTRIES.stream().filter(e -> e.matches(b)).findFirst().orElseThrow();
  }
}
