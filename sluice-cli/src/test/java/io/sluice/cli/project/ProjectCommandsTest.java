package io.sluice.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice project pack} and {@code validate}, run in-process as a user would. */
class ProjectCommandsTest {

  private static final Path CURRENCY_RATES = Path.of("..", "examples", "currency-rates");

  @TempDir Path dir;

  /** What a command printed and how it exited. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine commandLine = SluiceCommand.commandLine();
      commandLine.setErr(new PrintWriter(err, true));
      int exitCode = commandLine.execute(args);
      return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void packWritesTheArchiveAndSaysWhatItHolds() throws IOException {
    Path target = dir.resolve("rates.spac");

    Run run = run("project", "pack", CURRENCY_RATES.toString(), "--output", target.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    byte[] archive = Files.readAllBytes(target);
    assertThat(run.out())
        .contains("packed project currency-rates into " + target.toAbsolutePath())
        .contains(String.format("size:     %,d bytes", archive.length))
        .contains("sha256:   " + ProjectArchive.sha256(archive))
        .contains("packages: load-dimensions, load-rates, main (entry point)");
    assertThat(ProjectArchive.read(archive).name()).isEqualTo("currency-rates");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(target); // no partial file left behind
    }
  }

  @Test
  void packNamesTheArchiveAfterTheProjectInsideAnOutputFolder() {
    Run run = run("project", "pack", CURRENCY_RATES.toString(), "-o", dir.toString(), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("currency-rates.spac")).exists();
    assertThat(run.out())
        .contains("\"project\" : \"currency-rates\"")
        .contains("\"packages\" : [ \"load-dimensions\", \"load-rates\", \"main\" ]");
  }

  @Test
  void packingTwiceGivesTheSameChecksum() {
    Run first =
        run("project", "pack", CURRENCY_RATES.toString(), "-o", dir.resolve("a.spac").toString());
    Run second =
        run("project", "pack", CURRENCY_RATES.toString(), "-o", dir.resolve("b.spac").toString());

    assertThat(sha256Line(first.out())).isEqualTo(sha256Line(second.out())).isNotEmpty();
  }

  @Test
  void aBrokenProjectPrintsEveryProblemAndExits2() throws IOException {
    Path project = dir.resolve("broken");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(project.resolve("project.yaml"), "name: broken\nowner: me\n");
    Files.writeString(
        project.resolve("packages/load.yaml"),
        "tasks:\n  - {name: a, type: ExecSql}\n  - {name: b, type: Expression, expression: x,"
            + " after: c}\n");

    Run run = run("project", "pack", project.toString(), "-o", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("error: 3 problems in the project:\n")
        .contains(
            "  packages/load.yaml:2:21: unknown task type 'ExecSql'; did you mean 'ExecuteSql'?")
        .contains(
            "  packages/load.yaml:3:55: task 'b' waits for 'c', which is not a task of the same"
                + " container\n")
        .contains("  project.yaml:2:1: unknown key 'owner' in project.yaml")
        .contains("hint: fix the files named above and run the command again");
    assertThat(dir.resolve("broken.spac")).doesNotExist();
  }

  @Test
  void packRefusesSomethingThatIsNotAFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("x.txt"), "x");

    Run run = run("project", "pack", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: " + file + " is not a folder")
        .contains("hint: give the project folder");
  }

  @Test
  void validateListsPackagesAndParametersHidingSensitiveDefaults() throws IOException {
    Path project = dir.resolve("p");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(
        project.resolve("project.yaml"),
        "name: p\nparameters:\n  - {name: Secret, type: String, sensitive: true, default: hunter2}\n"
            + "  - {name: Url, type: String, required: true}\n");
    Files.writeString(
        project.resolve("packages/only.yaml"),
        "parameters:\n  - {name: Day, type: DateTime, default: 2024-01-31}\n"
            + "tasks:\n  - {name: Group, type: Sequence, tasks: [{name: t, type: Expression,"
            + " expression: x}]}\n");

    Run run = run("project", "validate", project.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("project p is valid: 1 package, 3 parameters, 0 shared connections\n")
        .contains("PACKAGE  ENTRY POINT  TASKS  PARAMETERS  VARIABLES")
        .contains("only     yes          2      1           0")
        .contains("project  Secret     String    no        yes        (hidden)")
        .contains("project  Url        String    yes       no")
        .contains("only     Day        DateTime  no        no         2024-01-31")
        .doesNotContain("hunter2");
  }

  @Test
  void validateReadsArchivesToo() {
    Path archive = dir.resolve("rates.spac");
    run("project", "pack", CURRENCY_RATES.toString(), "-o", archive.toString());

    Run run = run("project", "validate", archive.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "project currency-rates is valid: 3 packages, 7 parameters, 1 shared connection");
  }

  @Test
  void validateOfAMissingPathExits2() {
    Run run = run("project", "validate", dir.resolve("nothing").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nothing: does not exist; give a project folder");
  }

  @Test
  void validateRefusesAnOversizedProjectFileAtOnceNamingItAndTheLimit() throws IOException {
    // Issue 11: 10 MB in one value took validate 88 s before SnakeYAML's own limit refused it.
    String huge = "name: big\ndescription: \"" + "a".repeat(10 * 1024 * 1024) + "\"\n";
    Path project = dir.resolve("big");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(project.resolve("project.yaml"), huge);
    Files.writeString(project.resolve("packages/load.yaml"), "tasks: []\n");
    Path archive = dir.resolve("big.spac");
    Files.write(
        archive,
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    huge.getBytes(StandardCharsets.UTF_8),
                    "packages/load.yaml",
                    "tasks: []\n".getBytes(StandardCharsets.UTF_8)))
            .toArchive());

    for (Path target : new Path[] {project, archive}) {
      long start = System.nanoTime();
      Run run = run("project", "validate", target.toString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(run.exitCode()).as(target.toString()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "error: 1 problem in the project:\n"
                  + "  project.yaml: is larger than 2 MiB (2,097,152 bytes), the most a project or"
                  + " package file may hold\n"
                  + "hint: a package is definitions, not data: split a large package into smaller"
                  + " ones run by ExecutePackage tasks, and keep long SQL in files of the project"
                  + " (ExecuteSql file:)\n");
      assertThat(took).as(target.toString()).isLessThan(Duration.ofSeconds(10));
    }
    assertThat(Files.size(archive)).isLessThan(100 * 1024);
  }

  private static String sha256Line(String out) {
    return out.lines().filter(l -> l.startsWith("sha256:")).findFirst().orElse("");
  }
}
