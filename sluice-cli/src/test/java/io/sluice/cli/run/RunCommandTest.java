package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice run} in-process: exit codes, progress and summary, parameters. */
class RunCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void project() throws Exception {
    Files.writeString(
        dir.resolve("project.yaml"),
        """
        name: demo
        parameters:
          - {name: Limit, type: Int32, default: "3"}
        """);
    Files.createDirectories(dir.resolve("packages"));
    Files.writeString(
        dir.resolve("packages/count.yaml"),
        """
        parameters:
          - {name: Who, type: String, required: true}
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - name: Loop
            type: ForLoop
            evalExpression: '@[User::N] < @[$Project::Limit]'
            assignExpression: '@[User::N] = @[User::N] + 1'
            tasks:
              - {name: Tick, type: Expression, expression: '@[User::N] = @[User::N]'}
        """);
    Files.writeString(
        dir.resolve("packages/broken.yaml"),
        """
        tasks:
          - {name: Missing, type: FileSystem, operation: deleteFile, source: /nonexistent/x}
        """);
  }

  private int run(String... args) {
    return SluiceCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void aSuccessfulRunExitsZeroWithProgressAndASummary() {
    int code =
        run(
            "run",
            dir.toString(),
            "--package",
            "count",
            "--param",
            "Who=me",
            "--param",
            "$Project::Limit=2");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("started   \\count\\Loop")
        .contains("\\count\\Loop[2]\\Tick")
        .doesNotContain("\\count\\Loop[3]")
        .contains("Package count: SUCCESS");
  }

  @Test
  void aValueMayComeFromAFileSoThatNoSecretShowsInTheProcessList() throws Exception {
    Path limit = Files.writeString(dir.resolve("limit.txt"), "2\n");
    int code =
        run(
            "run",
            dir.toString(),
            "--package",
            "count",
            "--param",
            "Who=@@me",
            "--param",
            "$Project::Limit=@" + limit);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("\\count\\Loop[2]\\Tick")
        .doesNotContain("\\count\\Loop[3]");
  }

  @Test
  void aFailedRunExitsOne() {
    int code = run("run", dir.toString(), "--package", "broken");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("error     Missing:").contains("Package broken: FAILURE");
  }

  @Test
  void unknownOrMissingParametersExitTwoAndNameThem() {
    int code = run("run", dir.toString(), "--package", "count", "--param", "Nope=1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown parameter Nope")
        .contains("required parameter $Package::Who has no value");
  }

  @Test
  void parameterNamesAreCaseSensitiveAndAWrongCaseSaysWhichNameWasMeant() {
    int code = run("run", dir.toString(), "--package", "count", "--param", "who=x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown parameter who (did you mean Who? parameter names are case-sensitive");
  }

  @Test
  void aValueOfTheWrongTypeExitsTwo() {
    int code =
        run(
            "run",
            dir.toString(),
            "--package",
            "count",
            "--param",
            "Who=x",
            "--param",
            "Limit=ten");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Limit").contains("Int32");
  }

  @Test
  void aSinglePackageFileRunsAsAOnePackageProject() throws Exception {
    Path single = Files.createDirectories(dir.resolve("loose")).resolve("hello.yaml");
    Files.writeString(
        single,
        """
        variables:
          - {name: G, type: String, value: ""}
        tasks:
          - {name: Say, type: Expression, expression: '@[User::G] = "hi"'}
        """);

    assertThat(run("run", single.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("User::G = hi").contains("Package hello: SUCCESS");
  }

  @Test
  void aPackageThatFailsValidationExitsTwo() throws Exception {
    Path single = Files.createDirectories(dir.resolve("bad")).resolve("bad.yaml");
    Files.writeString(
        single,
        """
        variables:
          - {name: G, type: String, value: ""}
        tasks:
          - {name: Say, type: Expression, expression: '@[User::G] = 1 +'}
        """);

    assertThat(run("run", single.toString())).isEqualTo(2);
    assertThat(out.toString()).contains("task 'Say'");
    assertThat(err.toString()).contains("nothing ran");
  }
}
