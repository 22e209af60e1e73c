package io.sluice.cli.docs;

import io.sluice.cli.docs.DocBlocks.Block;
import io.sluice.cli.docs.DocsExamples.Entry;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the YAML examples of docs/*.md that {@link DocsExamples} gives a recipe, each as one test
 * named by its page and line: whole packages and fragments (put in the smallest package that gives
 * them what they name) are checked with {@code sluice project validate} and run with {@code sluice
 * run}, in-process, on one embedded PostgreSQL and the repository's data; config files are read by
 * the real readers. An example that does not run as written fails here.
 */
class DocsExamplesRunTest {

  @TempDir static Path temp;
  private static DocsHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = new DocsHarness(temp);
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  static Stream<Arguments> examples() {
    return DocBlocks.all().stream()
        .flatMap(
            b ->
                DocsExamples.ENTRIES.stream()
                    .filter(e -> e.recipe() != null && e.matches(b))
                    .map(e -> Arguments.of(Named.of(b.toString(), b), e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runsAsWritten(Block block, Entry entry) throws Exception {
    try {
      entry.recipe().run(block.text(), harness);
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          block.where() + " does not run as written (" + block.heading() + "): " + e.getMessage(),
          e);
    }
  }
}
