package io.sluice.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice import ssis}, run in-process as a user would. */
class ImportSsisCommandTest {

  private static final Path TUTORIAL = Path.of("..", "datasets", "ssis-tutorial");
  private static final Path SCANNER =
      Path.of("..", "datasets", "ssis-packages", "7045kHz__dtsx", "SSIS_EXAMPLES", "Scanner.dtsx");

  @TempDir Path dir;

  @Test
  void lesson2BecomesAProjectFolderThatValidatesWithItsReport() throws Exception {
    Path target = dir.resolve("lesson2");

    Result run = importSsis(TUTORIAL.resolve("Lesson2.dtsx"), target);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("imported Lesson2.dtsx into " + target + ": ")
        .contains("9 of 9 elements converted, 0 placeholder tasks");
    Project project = ProjectParser.parse(ProjectFiles.fromDirectory(target));
    assertThat(project.name()).isEqualTo("Lesson2");
    assertThat(project.packages().get(0).tasks().get(0).type()).isEqualTo("ForeachLoop");
    assertThat(Files.readString(target.resolve("packages/Lesson2.yaml")))
        .contains("type: ForeachLoop")
        .contains("type: DataFlow");
    assertThat(Files.readString(target.resolve("IMPORT.md")))
        .contains("`\\Package\\Foreach File in Folder\\Extract Sample Currency Data`");

    Result validate = CliRun.run("project", "validate", target.toString());
    assertThat(validate.exitCode()).isZero();
  }

  /**
   * A Script task's and a Script Component's C# source is written beside the package, for whoever
   * ports it into the Java of its stub; the Script Component is counted as a placeholder component.
   */
  @Test
  void scriptSourcesAreWrittenForPorting() throws Exception {
    Path target = dir.resolve("scanner");

    Result run = importSsis(SCANNER, target);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "21 of 23 elements converted, 1 placeholder task, 1 placeholder component, 0 left out");
    assertThat(
            Files.readString(
                target.resolve(
                    "scripts/Scanner/GetAllEnvironmentVariablesFlow/GetAllEnvVar/main.cs")))
        .contains("public override void CreateNewOutputRows()");
    assertThat(Files.readString(target.resolve("packages/Scanner.yaml")))
        .contains("type: ScriptComponent")
        .contains("public class ScriptMain extends UserComponent")
        .contains("output0Buffer (output 'Output', SSIS's OutputBuffer), outputColumns: Variable");
    Path script = target.resolve("scripts/Scanner/Script Task");
    assertThat(Files.readString(script.resolve("ScriptMain.cs"))).contains("public void Main()");
    assertThat(script.resolve("Properties/AssemblyInfo.cs")).exists();
    assertThat(script).isDirectoryNotContaining("glob:**.dll");
    assertThat(Files.readString(target.resolve("packages/Scanner.yaml")))
        .contains("public class ScriptMain implements Script");
    assertThat(Files.readString(target.resolve("IMPORT.md")))
        .contains("port this script: its C# is in scripts/Scanner/Script Task/");
    assertThat(CliRun.run("project", "validate", target.toString()).exitCode()).isZero();
  }

  @Test
  void jsonPrintsTheReportForScripts() {
    Path target = dir.resolve("lesson1");

    Result run = importSsis(TUTORIAL.resolve("Lesson1.dtsx"), target, "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"valid\" : true")
        .contains("\"source\" : \"Lesson1.dtsx\"")
        .contains("\"path\" : \"\\\\Package\\\\Extract Sample Currency Data\"")
        .contains("\"kind\" : \"COMPONENT\"")
        .doesNotContain("\"outcome\" : \"PLACEHOLDER\"");
  }

  @Test
  void aFileThatIsNoPackageExits2WithTheFileAndLineAndWritesNothing() throws Exception {
    Path bad = dir.resolve("Broken.dtsx");
    Files.writeString(bad, "<?xml version=\"1.0\"?>\n<DTS:Executable xmlns:DTS=\"x\">\n");
    Path target = dir.resolve("out");

    Result run = importSsis(bad, target);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: " + bad + ":")
        .contains("is not well-formed XML")
        .contains("hint: ");
    assertThat(target).doesNotExist();
  }

  @Test
  void aFolderThatIsNotEmptyIsNotOverwritten() throws Exception {
    Path target = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(target.resolve("project.yaml"), "name: mine\n");

    Result run = importSsis(TUTORIAL.resolve("Lesson1.dtsx"), target);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not empty").contains("hint: ");
    assertThat(Files.readString(target.resolve("project.yaml"))).isEqualTo("name: mine\n");
  }

  @Test
  void sqlDialectPostgresqlRewritesTheStatementsAndListsEachRewrite() throws Exception {
    Path target = dir.resolve("scanner");

    Result run = importSsis(SCANNER, target, "--sql-dialect", "postgresql");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("SQL for PostgreSQL: 1 kind of construct rewritten, 0 kept as written");
    assertThat(Files.readString(target.resolve("packages/Scanner.yaml")))
        .contains("select LOCALTIMESTAMP as LoadDate")
        .doesNotContain("GETDATE");
    assertThat(Files.readString(target.resolve("IMPORT.md")))
        .contains("## SQL for PostgreSQL")
        .contains(
            "| Scanner | `\\Package\\GetLoadDate.Properties[SqlStatementSource]` | GETDATE() |"
                + " rewritten | rewritten for PostgreSQL: GETDATE() -> LOCALTIMESTAMP (line 1) |  |");
  }

  @Test
  void anUnknownSqlDialectExits2WithAHint() {
    Result run =
        importSsis(TUTORIAL.resolve("Lesson1.dtsx"), dir.resolve("x"), "--sql-dialect", "oracle");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--sql-dialect oracle: unknown SQL dialect")
        .contains("hint: give --sql-dialect postgresql");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  /** {@code sluice import ssis source --to target}, then {@code options}. */
  private static Result importSsis(Path source, Path target, String... options) {
    String[] args = {"import", "ssis", source.toString(), "--to", target.toString()};
    return CliRun.run(Stream.concat(Stream.of(args), Stream.of(options)).toArray(String[]::new));
  }
}
