package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.project.ProjectArchive;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definition commands of {@code sluice catalog}, run in-process on a real catalog. */
class CatalogCommandsTest {

  @TempDir Path tmp;
  private CliRun sluice;

  @BeforeEach
  void newCatalog() {
    sluice = new CliRun(TestCatalog.newEmptyDatabase(), tmp.resolve("catalog.key"));
  }

  @Test
  void foldersCanBeCreatedListedAndDeleted() {
    Result created = sluice.catalog("folders", "create", "Finance", "--description", "month end");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).isEqualTo("Created folder Finance.\n");
    assertThat(created.err()).contains("generated the catalog key");
    assertThat(Files.exists(tmp.resolve("catalog.key"))).isTrue();

    Result list = sluice.catalog("folders", "list");
    assertThat(list.out())
        .contains("FOLDER   PROJECTS  ENVIRONMENTS")
        .containsPattern("Finance\\s+0\\s+0\\s+.*month end");

    assertThat(sluice.catalog("folders", "delete", "Finance").out())
        .isEqualTo("Deleted folder Finance.\n");
    assertThat(sluice.catalog("folders", "list").out()).contains("(none)");
  }

  @Test
  void anUnreadableCatalogKeyIsBadInputWithAHintAboutTheBackup() throws Exception {
    java.nio.file.Files.writeString(tmp.resolve("catalog.key"), "not base64!\n");

    Result listed = sluice.catalog("folders", "list");

    assertThat(listed.exitCode()).isEqualTo(2);
    assertThat(listed.err())
        .contains("error: the catalog key in " + tmp.resolve("catalog.key") + " is not base64")
        .contains("hint: use the catalog key the values were stored with")
        .doesNotContain("report it");
  }

  @Test
  void aSecondMachineWithoutTheCatalogKeyIsRefusedAndItsNewKeyRemoved() throws Exception {
    CatalogLocation shared = TestCatalog.newEmptyDatabase();
    Path firstKey = tmp.resolve("first/catalog.key");
    CliRun first = new CliRun(shared, firstKey);
    assertThat(first.catalog("folders", "create", "Finance").exitCode()).isZero();

    // The second master's key file was never copied: one would be generated, then refused.
    Path secondKey = tmp.resolve("second/catalog.key");
    Result uncopied = new CliRun(shared, secondKey).catalog("folders", "list");
    assertThat(uncopied.exitCode()).isEqualTo(2);
    assertThat(uncopied.err())
        .contains("error: no catalog key file was at " + secondKey)
        .contains("this catalog already has a key (id " + keyId(firstKey) + ")")
        .contains("hint: copy the catalog key file of a machine already using this catalog")
        .doesNotContain("generated the catalog key");
    assertThat(secondKey).doesNotExist();

    // A key of its own, made elsewhere: refused, and left alone.
    Files.createDirectories(secondKey.getParent());
    Files.writeString(secondKey, Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    Result other = new CliRun(shared, secondKey).catalog("folders", "list");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err())
        .contains("error: the catalog key " + secondKey + " does not fit this catalog")
        .contains("encrypted with the key whose id is " + keyId(firstKey));
    assertThat(secondKey).exists();

    // The copied key works.
    Files.copy(firstKey, secondKey, StandardCopyOption.REPLACE_EXISTING);
    Result copied = new CliRun(shared, secondKey).catalog("folders", "list");
    assertThat(copied.exitCode()).as(copied.err()).isZero();
    assertThat(copied.out()).contains("Finance");
  }

  @Test
  void aWrongOptionIsOneErrorLineAndWhereTheHelpIs() {
    Result wrong = CliRun.run("catalog", "folders", "list", "--colour", "red");

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err())
        .startsWith("error: Unknown options: '--colour', 'red'")
        .contains("hint: sluice catalog folders list --help shows its options and arguments")
        .doesNotContain("Usage:");
    assertThat(wrong.err().lines().count()).isLessThan(6);
  }

  @Test
  void aCatalogThatDoesNotAnswerIsNamedWithItsUrl() {
    CliRun nowhere =
        new CliRun(
            new CatalogLocation("jdbc:postgresql://localhost:1/sluice", "sluice", ""),
            tmp.resolve("catalog.key"));

    Result listed = nowhere.catalog("folders", "list");

    assertThat(listed.exitCode()).isEqualTo(1);
    assertThat(listed.err())
        .contains("error: cannot connect to the catalog at jdbc:postgresql://localhost:1/sluice")
        .doesNotContain("lost the catalog");
    assertThat(tmp.resolve("catalog.key"))
        .as("no key made for a catalog never seen")
        .doesNotExist();
  }

  private static String keyId(Path keyFile) {
    return CatalogKey.load(keyFile).keyId();
  }

  @Test
  void refusalsPrintErrorAndHintWithTheirExitCode() {
    sluice.catalog("folders", "create", "Finance");

    Result duplicate = sluice.catalog("folders", "create", "Finance");
    assertThat(duplicate.exitCode()).isEqualTo(1);
    assertThat(duplicate.err())
        .contains("error: folder 'Finance' already exists")
        .contains("hint: ");

    Result missing = sluice.catalog("folders", "delete", "Nope");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .contains("error: folder 'Nope' does not exist")
        .contains("hint: list folders with: sluice catalog folders list");

    Result badName = sluice.catalog("folders", "create", "@odd");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err())
        .contains("error: folder name \"@odd\" starts with '@'")
        .contains("hint: ");

    Result usage = sluice.catalog("folders", "create");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required parameter: 'NAME'");
  }

  @Test
  void deployPacksAFolderAndPrintsTheVersionAndPackages() throws Exception {
    Path project = TestProjects.sample("Sales").writeTo(tmp);

    Result missingFolder = sluice.catalog("deploy", project.toString(), "--folder", "Finance");
    assertThat(missingFolder.exitCode()).isEqualTo(1);
    assertThat(missingFolder.err()).contains("error: folder 'Finance' does not exist");

    Result first =
        sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("Deployed project Sales to folder Finance as version 1")
        .containsPattern("Helper\\s+no\\s+0")
        .containsPattern("Load\\s+yes\\s+1");

    Path archive = tmp.resolve("sales.spac");
    Files.write(archive, ProjectArchive.pack(project));
    Result second = sluice.catalog("deploy", archive.toString(), "--folder", "Finance", "--json");
    assertThat(second.exitCode()).as(second.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(second.out());
    assertThat(json.path("versionNumber").asInt()).isEqualTo(2);
    assertThat(json.path("packages")).hasSize(2);

    Result versions =
        sluice.catalog("projects", "versions", "--folder", "Finance", "--project", "Sales");
    assertThat(versions.out()).containsPattern("(?m)^2 \\*").containsPattern("(?m)^1 ");
    Result projects = sluice.catalog("projects", "list");
    assertThat(projects.out()).containsPattern("Finance\\s+Sales\\s+2\\s+2");
    Result packages = sluice.catalog("packages", "--folder", "Finance", "--project", "Sales");
    assertThat(packages.out()).contains("PACKAGE").contains("Helper").contains("Load");
  }

  @Test
  void malformedProjectIsBadInputWithTheFileAndLine() throws Exception {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    Files.writeString(project.resolve("project.yaml"), "name: Sales\nparameters: 5\n");
    sluice.catalog("folders", "create", "Finance");

    Result result = sluice.catalog("deploy", project.toString(), "--folder", "Finance");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("error: ").contains("project.yaml:2").contains("hint: ");
    assertThat(sluice.catalog("projects", "list").out()).contains("(none)");
  }

  @Test
  void restoreAndDeleteProjects() {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    sluice.catalog("deploy", project.toString(), "--folder", "Finance");

    Result restored =
        sluice.catalog(
            "projects", "restore", "--folder", "Finance", "--project", "Sales", "--version", "1");
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out()).startsWith("Restored project Sales to version 1 (was 2)");

    Result unknown =
        sluice.catalog(
            "projects", "restore", "--folder", "Finance", "--project", "Sales", "--version", "7");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("has no version 7").contains("hint: list its versions");

    assertThat(
            sluice.catalog("projects", "delete", "--folder", "Finance", "--project", "Sales").out())
        .isEqualTo("Deleted project Sales from folder Finance.\n");
    assertThat(sluice.catalog("projects", "list", "--folder", "Finance").out()).contains("(none)");
  }

  @Test
  void validateSaysWhetherExecutionsWouldStartWithTheCatalogsValuesAndRecordsIt() {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    String[] target = {"--folder", "Finance", "--project", "Sales"};

    // Region is required and has no value: SSIS's validate_project says so before any execution
    Result invalid = sluice.catalog("validate", "--folder", "Finance", "--project", "Sales");
    assertThat(invalid.exitCode()).as(invalid.out() + invalid.err()).isEqualTo(1);
    assertThat(invalid.out())
        .contains("problem: package Load: ")
        .contains("Region")
        .contains("Not valid: Load would not start (1 problem(s))")
        .doesNotContain("Helper"); // not an entry point
    assertThat(sluice.catalog("operations", "list").out()).contains("validate project");

    run("parameters", "set", target, "Region", "EU");
    Result valid =
        sluice.catalog(
            "validate", "--folder", "Finance", "--project", "Sales", "--package", "Load");
    assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
    assertThat(valid.out()).contains("Valid: Load would start with the catalog's values");
    JsonNode json =
        readJson(
            sluice
                .catalog("validate", "--folder", "Finance", "--project", "Sales", "--json")
                .out());
    assertThat(json.path("problems")).isEmpty();
    assertThat(json.path("operationId").asLong()).isPositive();
    // nothing of the trial executions stays
    assertThat(sluice.catalog("executions", "list", "--folder", "Finance").out())
        .contains("(none)");

    Result missing =
        sluice.catalog(
            "validate", "--folder", "Finance", "--project", "Sales", "--package", "Nope");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("has no package Nope");
  }

  @Test
  void parametersShowResolvedValuesAndAcceptServerValues() {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    String[] target = {"--folder", "Finance", "--project", "Sales"};

    assertThat(run("parameters", "set", target, "BatchSize", "1000").out())
        .isEqualTo("Set project parameter BatchSize to 1000.\n");
    assertThat(run("parameters", "set", target, "Password", "live-secret").out())
        .isEqualTo("Set project parameter Password to ********.\n");
    assertThat(run("parameters", "set", target, "ServerName", "--reference", "DbHost").out())
        .isEqualTo(
            "Set project parameter ServerName to take environment variable DbHost of the"
                + " execution's environment.\n");
    assertThat(
            run("parameters", "set", target, "--package", "Load", "Day", "2025-03-01").exitCode())
        .isZero();

    Result list = run("parameters", "list", target);
    assertThat(list.out())
        .containsPattern("project\\s+BatchSize\\s+Int32\\s+500\\s+1000\\s+1000")
        .containsPattern("project\\s+Password\\s+String\\s+yes\\s+\\*{8}\\s+\\*{8}\\s+\\*{8}")
        .containsPattern("project\\s+Region\\s+String\\s+yes\\s+\\(missing: required\\)")
        .contains("-> environment variable DbHost  (from the execution's environment)")
        .containsPattern("Load\\s+Day\\s+DateTime\\s+2024-01-31\\s+2025-03-01\\s+2025-03-01")
        .doesNotContain("live-secret")
        .doesNotContain("design-secret");

    assertThat(run("parameters", "clear", target, "BatchSize").out())
        .isEqualTo("Cleared the server value of project parameter BatchSize.\n");

    Result badValue = run("parameters", "set", target, "BatchSize", "many");
    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err()).contains("error: parameter 'BatchSize' is Int32").contains("hint: ");
    Result unknown = run("parameters", "set", target, "Batch", "1");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("error: project 'Sales' has no parameter 'Batch'")
        .contains("hint: its parameters are: BatchSize, Password, Region, ServerName");
    Result both = run("parameters", "set", target, "BatchSize", "1", "--reference", "X");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("error: give either a VALUE or --reference");
  }

  @Test
  void aValueOfDashIsReadFromStandardInput() {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    sluice.catalog("environments", "create", "--folder", "Finance", "Prod");
    String[] target = {"--folder", "Finance", "--project", "Sales"};
    String[] env = {"--folder", "Finance", "--environment", "Prod"};

    Result parameter =
        withStdin("1200\n", () -> run("parameters", "set", target, "BatchSize", "-"));
    Result variable =
        withStdin(
            "jdbc:postgresql://db:5432/sales\r\n",
            () -> run("variables", "set", env, "DbUrl", "-", "--type", "String"));

    assertThat(parameter.out()).isEqualTo("Set project parameter BatchSize to 1200.\n");
    assertThat(variable.out())
        .isEqualTo(
            "Set variable DbUrl (String) of environment Prod to"
                + " jdbc:postgresql://db:5432/sales.\n");
    assertThat(run("parameters", "list", target).out())
        .containsPattern("project\\s+BatchSize\\s+Int32\\s+500\\s+1200\\s+1200");
  }

  private static Result withStdin(String text, Supplier<Result> command) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return command.get();
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void environmentsVariablesAndReferences() {
    Path project = TestProjects.sample("Sales").writeTo(tmp);
    sluice.catalog("deploy", project.toString(), "--folder", "Finance", "--create-folder");
    sluice.catalog("folders", "create", "Shared");

    assertThat(sluice.catalog("environments", "create", "--folder", "Finance", "Prod").out())
        .isEqualTo("Created environment Prod in folder Finance.\n");
    sluice.catalog("environments", "create", "--folder", "Shared", "Common");
    assertThat(sluice.catalog("environments", "list").out())
        .containsPattern("Finance\\s+Prod\\s+0")
        .containsPattern("Shared\\s+Common\\s+0");

    String[] env = {"--folder", "Finance", "--environment", "Prod"};
    assertThat(run("variables", "set", env, "BatchSize", "100", "--type", "Int32").out())
        .isEqualTo("Set variable BatchSize (Int32) of environment Prod to 100.\n");
    assertThat(
            run("variables", "set", env, "DbPassword", "pa55", "--type", "string", "--sensitive")
                .out())
        .contains("to ********.");
    Result badType = run("variables", "set", env, "X", "1", "--type", "Decimal");
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.err())
        .contains("error: unknown variable type 'Decimal'")
        .contains("hint: use one of Boolean, Byte, DateTime");
    Result badValue = run("variables", "set", env, "X", "300", "--type", "Byte");
    assertThat(badValue.exitCode()).isEqualTo(2);
    assertThat(badValue.err()).contains("error: environment variable 'X' is Byte");
    Result variables = run("variables", "list", env);
    assertThat(variables.out())
        .containsPattern("BatchSize\\s+Int32\\s+100")
        .containsPattern("DbPassword\\s+String\\s+yes\\s+\\*{8}")
        .doesNotContain("pa55");
    assertThat(run("variables", "delete", env, "BatchSize").out())
        .isEqualTo("Deleted variable BatchSize of environment Prod.\n");

    String[] target = {"--folder", "Finance", "--project", "Sales"};
    assertThat(run("references", "add", target, "--environment", "Prod").out())
        .startsWith("Added relative reference ")
        .endsWith(" to environment Finance/Prod.\n");
    Result absolute =
        run(
            "references",
            "add",
            target,
            "--environment",
            "Common",
            "--environment-folder",
            "Shared",
            "--json");
    assertThat(absolute.exitCode()).as(absolute.err()).isZero();
    long absoluteId = readJson(absolute.out()).path("referenceId").asLong();
    Result missingEnv = run("references", "add", target, "--environment", "Test");
    assertThat(missingEnv.exitCode()).isEqualTo(1);
    assertThat(missingEnv.err())
        .contains("error: environment 'Test' does not exist in folder 'Finance'")
        .contains("hint: ");

    sluice.catalog("environments", "delete", "--folder", "Shared", "Common");
    Result references = run("references", "list", target);
    assertThat(references.out())
        .containsPattern("relative\\s+Finance\\s+Prod\\s+yes")
        .containsPattern("absolute\\s+Shared\\s+Common\\s+NO \\(missing\\)");
    assertThat(sluice.catalog("references", "delete", Long.toString(absoluteId)).out())
        .isEqualTo("Deleted environment reference " + absoluteId + ".\n");
    assertThat(sluice.catalog("references", "delete", Long.toString(absoluteId)).exitCode())
        .isEqualTo(1);
  }

  @Test
  void everyDefinitionCommandHasHelpWithADescription() {
    String[][] commands = {
      {"folders", "list"},
      {"folders", "create"},
      {"folders", "delete"},
      {"deploy"},
      {"projects", "list"},
      {"projects", "versions"},
      {"projects", "restore"},
      {"projects", "delete"},
      {"packages"},
      {"parameters", "list"},
      {"parameters", "set"},
      {"parameters", "clear"},
      {"environments", "list"},
      {"environments", "create"},
      {"environments", "delete"},
      {"variables", "list"},
      {"variables", "set"},
      {"variables", "delete"},
      {"references", "list"},
      {"references", "add"},
      {"references", "delete"}
    };
    for (String[] command : commands) {
      String[] args = new String[command.length + 2];
      args[0] = "catalog";
      System.arraycopy(command, 0, args, 1, command.length);
      args[args.length - 1] = "--help";
      Result help = CliRun.run(java.util.Arrays.copyOf(args, args.length));
      assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(help.out()).as(String.join(" ", command)).startsWith("Usage: sluice catalog");
      assertThat(help.out().lines().skip(1).filter(l -> !l.isBlank()).findFirst().orElse(""))
          .as("description of " + String.join(" ", command))
          .isNotBlank();
    }
  }

  private Result run(String command, String sub, String[] target, String... rest) {
    String[] args = new String[2 + target.length + rest.length];
    args[0] = command;
    args[1] = sub;
    System.arraycopy(target, 0, args, 2, target.length);
    System.arraycopy(rest, 0, args, 2 + target.length, rest.length);
    return sluice.catalog(args);
  }

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
