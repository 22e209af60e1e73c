package io.sluice.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/import-ssis.md's "Walkthrough: Microsoft's tutorial on PostgreSQL", run as written: the
 * commands are read from the page, not copied here, so the page cannot drift from what Sluice does.
 *
 * <p>Each {@code $ ./sluice ...} line runs in-process, with only the database URL's host, port,
 * database and user replaced by the embedded PostgreSQL's, and paths taken from the repository's
 * folder ({@code datasets/...}) or the test's working folder ({@code lesson1}, {@code rates});
 * every line the page shows as its output (but {@code ...}) must be printed, times and durations
 * aside. {@code psql -f} and {@code psql -c} run over JDBC, and a count the page shows must be the
 * count. {@code mkdir}, {@code cp} and {@code rm} are done with java.nio.
 */
class TutorialWalkthroughTest {

  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  static final Path PAGE = REPOSITORY.resolve("docs/import-ssis.md");
  static final String SECTION = "## Walkthrough: Microsoft's tutorial on PostgreSQL";

  /** The database of the page's URLs; the test's embedded PostgreSQL replaces it. */
  static final String PAGE_DATABASE = "jdbc:postgresql://localhost:5432/tutorial?user=postgres";

  private static final Pattern TIME = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d ");
  private static final Pattern DURATION = Pattern.compile("\\d+\\.\\d\\d s\\b");

  static EmbeddedPostgres postgres;

  @TempDir Path work;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  /** One {@code $ command} of the page and the lines it shows the command printing. */
  record Step(String command, List<String> output) {}

  @Test
  void theWalkthroughRunsAsThePageShowsIt() throws Exception {
    List<Step> steps = steps(Files.readString(PAGE));
    List<Long> counts = new ArrayList<>();
    List<Result> runs = new ArrayList<>();

    for (Step step : steps) {
      String command = step.command();
      if (command.startsWith("./sluice ")) {
        Result result = sluice(step);
        if (command.startsWith("./sluice run ")) {
          runs.add(result);
        }
      } else if (command.startsWith("psql ")) {
        psql(step).ifPresent(counts::add);
      } else if (command.startsWith("mkdir ") || command.startsWith("cp ")) {
        for (String part : command.split("&&")) {
          files(words(part.trim()));
        }
      } else {
        assertThat(command).as("a step the test does not know").isEqualTo("createdb tutorial");
      }
    }

    // Lesson 1 loads the sample file (imported, then in one step), Lesson 2 the 14 currency files,
    // and with Currency_BAD.txt it stops after ARS and AUD, at the currency Lookup, as SSIS does.
    assertThat(counts).containsExactly(1097L, 1097L, 13_532L, 2194L);
    assertThat(runs).hasSize(4);
    assertThat(runs.subList(0, 3)).allSatisfy(r -> assertThat(r.exitCode()).isZero());
    assertThat(runs.get(3).exitCode()).isEqualTo(1);
    assertThat(runs.get(3).out() + runs.get(3).err())
        .contains(
            "component 'Lookup Currency Key' failed: Row yielded no match during lookup"
                + " (CurrencyID = BAD)");
  }

  /** The page's section as steps, in order. */
  static List<Step> steps(String page) {
    int from = page.indexOf(SECTION);
    assertThat(from).as("the page has the walkthrough").isNotNegative();
    int to = page.indexOf("\n## ", from + SECTION.length());
    String section = page.substring(from, to < 0 ? page.length() : to);
    List<Step> steps = new ArrayList<>();
    boolean inBlock = false;
    String command = null;
    List<String> output = new ArrayList<>();
    for (String line : section.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (command != null) {
          steps.add(new Step(command, output));
          command = null;
        }
        inBlock = !inBlock;
      } else if (inBlock && line.startsWith("$ ")) {
        if (command != null) {
          steps.add(new Step(command, output));
        }
        command = line.substring(2);
        output = new ArrayList<>();
      } else if (inBlock && command != null) {
        output.add(line);
      }
    }
    assertThat(steps).as("the walkthrough's commands").hasSizeGreaterThan(10);
    return steps;
  }

  private Result sluice(Step step) {
    List<String> args = new ArrayList<>();
    List<String> words = words(step.command());
    for (String word : words.subList(1, words.size())) {
      args.add(argument(word));
    }
    Result result = CliRun.run(args.toArray(String[]::new));
    List<String> printed = new ArrayList<>();
    for (String line : (result.out() + result.err()).split("\n")) {
      printed.add(normal(line.replace(REPOSITORY + "/", "").replace(work + "/", "")));
    }
    for (String line : step.output()) {
      if (!line.equals("...")) {
        assertThat(printed).as("%s printed%n%s", step.command(), result).contains(normal(line));
      }
    }
    return result;
  }

  /**
   * A word of a {@code ./sluice} command as the test runs it: the page's database URL made the
   * embedded one, and a path (a word, or the value after an override's {@code ;}) resolved.
   */
  private String argument(String word) {
    if (word.contains(PAGE_DATABASE)) {
      return word.replace(PAGE_DATABASE, postgres.getJdbcUrl("postgres", "postgres"));
    }
    int semicolon = word.lastIndexOf(';');
    if (word.startsWith("\\Package") && semicolon > 0) {
      return word.substring(0, semicolon + 1) + path(word.substring(semicolon + 1));
    }
    return path(word);
  }

  /** {@code datasets/...} in the repository, a folder of the walkthrough in {@link #work}. */
  private String path(String word) {
    if (word.startsWith("datasets/")) {
      return REPOSITORY.resolve(word).toString();
    }
    if (word.matches("(lesson\\d|rates)(/.*)?")) {
      return work.resolve(word).toString();
    }
    return word;
  }

  /** Runs a {@code psql} step on the embedded database; the count it printed, if it shows one. */
  private java.util.Optional<Long> psql(Step step) throws Exception {
    List<String> words = words(step.command());
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      int file = words.indexOf("-f");
      if (file >= 0) {
        s.execute(Files.readString(REPOSITORY.resolve(words.get(file + 1))));
        return java.util.Optional.empty();
      }
      String sql = words.get(words.indexOf("-c") + 1);
      if (!sql.startsWith("SELECT count(*)")) {
        s.execute(sql);
        return java.util.Optional.empty();
      }
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        long count = rs.getLong(1);
        String shown =
            step.output().stream()
                .map(String::trim)
                .filter(l -> l.matches("\\d+"))
                .findFirst()
                .orElseThrow();
        assertThat(count).as("%s after the step before", sql).isEqualTo(Long.parseLong(shown));
        return java.util.Optional.of(count);
      }
    }
  }

  /** {@code mkdir DIR}, {@code cp FILES... DIR/}, {@code rm FILE}: the page's shell steps. */
  private void files(List<String> words) throws IOException {
    switch (words.get(0)) {
      case "mkdir" -> Files.createDirectory(Path.of(path(words.get(1))));
      case "rm" -> Files.delete(Path.of(path(words.get(1))));
      case "cp" -> {
        Path into = Path.of(path(words.get(words.size() - 1)));
        for (String source : words.subList(1, words.size() - 1)) {
          Path pattern = Path.of(path(source));
          try (DirectoryStream<Path> found =
              Files.newDirectoryStream(pattern.getParent(), pattern.getFileName().toString())) {
            for (Path f : found) {
              Files.copy(f, into.resolve(f.getFileName()));
            }
          }
        }
      }
      default -> throw new AssertionError("a shell step the test does not know: " + words);
    }
  }

  /** A command line split as a POSIX shell splits it, for the quoting the page uses. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char ch : line.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(ch);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** A line with its time of day and durations masked, the parts that differ from run to run. */
  private static String normal(String line) {
    Matcher time = TIME.matcher(line.stripTrailing());
    return DURATION.matcher(time.replaceFirst("HH:MM:SS ")).replaceAll("N s");
  }
}
