package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code sluice run} and {@code sluice project validate} command lines of docs/*.md and
 * README.md that are cheap and safe to run as written: their project is in the repository and they
 * take no argument but {@code --package} (no server, database or secret). Each runs as a user types
 * it, from the repository's root, in a JVM of its own (the examples' data paths are relative to the
 * working directory). The others need a server, a database or an earlier step (an import, a build);
 * the pages' YAML they run is covered by {@link DocsExamplesRunTest}.
 */
class DocsCommandsRunTest {

  private static final Pattern COMMAND =
      Pattern.compile("(?:^|\\$ |`)(?:\\./)?sluice ((?:project validate|run) [^`\\n#\\\\]*)");

  /** Projects whose commands qualify but are not run here, with why. */
  private static final Map<String, String> NOT_RUN =
      Map.of(
          "examples/plugins/plugin-demo",
          "needs the example plugins' jar built and copied into plugin-demo/lib first"
              + " (PluginsEndToEndTest runs it so)");

  /**
   * Arguments a page offers with the command ("or --param OutFolder=..."), added so that a test
   * does not write into the machine's /tmp.
   */
  private static final Map<String, List<String>> OFFERED =
      Map.of("run examples/xml-rates", List.of("--param", "OutFolder=OUT"));

  @TempDir Path out;

  /** A command line as a page writes it; continued: it goes on on the next line ("\\"). */
  record Command(String where, List<String> args, boolean continued) {}

  static List<Command> commands() throws IOException {
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> docs = Files.list(DocBlocks.DOCS)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    pages.add(DocsHarness.REPO.resolve("README.md"));
    List<Command> commands = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = COMMAND.matcher(lines.get(i));
        while (m.find()) {
          List<String> args = Arrays.asList(m.group(1).strip().split("\\s+"));
          String where =
              DocsHarness.REPO.relativize(page.toAbsolutePath().normalize()) + ":" + (i + 1);
          commands.add(new Command(where, args, lines.get(i).strip().endsWith("\\")));
        }
      }
    }
    return commands;
  }

  /** The project is in the repository and nothing but --package NAME follows it. */
  static boolean cheapAndSafe(Command c) {
    List<String> a = c.args();
    if (c.continued()) {
      return false;
    }
    int path = a.get(0).equals("project") ? 2 : 1;
    if (a.size() <= path || !Files.exists(DocsHarness.REPO.resolve(a.get(path)))) {
      return false;
    }
    List<String> rest = a.subList(path + 1, a.size());
    return rest.isEmpty() || rest.size() == 2 && rest.get(0).equals("--package");
  }

  static Stream<Arguments> runnable() throws IOException {
    return commands().stream()
        .filter(DocsCommandsRunTest::cheapAndSafe)
        .filter(c -> c.args().stream().noneMatch(NOT_RUN::containsKey))
        .filter(distinctBy(c -> c.args())) // README and a page may show the same line
        .map(c -> Arguments.of(Named.of(c.where() + " sluice " + String.join(" ", c.args()), c)));
  }

  private static <T> java.util.function.Predicate<T> distinctBy(
      java.util.function.Function<T, Object> key) {
    java.util.Set<Object> seen = new java.util.HashSet<>();
    return t -> seen.add(key.apply(t));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runnable")
  void runsAsWritten(Command command) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.sluice.cli.SluiceCommand");
    cmd.addAll(command.args());
    for (String extra : OFFERED.getOrDefault(String.join(" ", command.args()), List.of())) {
      cmd.add(extra.replace("OUT", out.toString()));
    }
    Path log = out.resolve("output.txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(DocsHarness.REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    String output = Files.readString(log);
    assertThat(p.exitValue()).as("%s: %s", command.where(), output).isZero();
  }

  @Test
  void someCommandsAreRunAndTheSkippedOnesStillExist() throws IOException {
    assertThat(runnable()).hasSizeGreaterThanOrEqualTo(3);
    List<String> all = commands().stream().map(c -> String.join(" ", c.args())).toList();
    assertThat(all).containsAll(OFFERED.keySet());
    NOT_RUN.keySet().forEach(path -> assertThat(all).anyMatch(c -> c.contains(path)));
  }
}
