package io.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogException.Reason;
import io.sluice.catalog.environment.VariableType;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every name the catalog stores refuses control and invisible characters (a name must show as what
 * it is), and every description it stores is at most 1,024 characters, as in SSISDB. Real
 * PostgreSQL: nothing refused is stored.
 */
class NamesAndDescriptionsTest {

  private static final String OVERRIDE = "evil\u202Etxt.exe";
  private static final String TOO_LONG = "d".repeat(ObjectNames.MAX_DESCRIPTION + 1);

  @TempDir Path dir;
  private CatalogUnderTest under;
  private Catalog catalog;

  @BeforeEach
  void open() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("Finance", "");
    catalog.environments().create("Finance", "Prod", "");
  }

  @AfterEach
  void close() {
    under.close();
  }

  @Test
  void aFolderNameWithABidiOverrideIsRefusedNamingTheCharacter() {
    assertInvalid(
        () -> catalog.folders().create(OVERRIDE, ""),
        "folder name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible"
            + " character that changes how the name is shown",
        ObjectNames.INVISIBLE_HINT);
    assertInvalid(
        () -> catalog.folders().create("Fin\u200Bance", ""),
        "folder name 'Fin<U+200B>ance' contains U+200B ZERO WIDTH SPACE, an invisible character"
            + " that lets the name pass for another",
        ObjectNames.INVISIBLE_HINT);
    assertInvalid(
        () -> catalog.folders().create("tab\there", ""),
        "folder name 'tab<U+0009>here' contains U+0009 CHARACTER TABULATION, a control character",
        ObjectNames.INVISIBLE_HINT);
    assertThat(catalog.folders().list()).extracting(f -> f.name()).containsExactly("Finance");
  }

  @Test
  void environmentAndVariableNamesRefuseThemToo() {
    assertInvalid(
        () -> catalog.environments().create("Finance", "Prod\u2067", ""),
        "environment name 'Prod<U+2067>' contains U+2067 RIGHT-TO-LEFT ISOLATE, an invisible"
            + " character that changes how the name is shown",
        ObjectNames.INVISIBLE_HINT);
    assertInvalid(
        () ->
            catalog
                .environments()
                .setVariable(
                    "Finance", "Prod", "\uFEFFServer", VariableType.STRING, "db1", false, null),
        "environment variable name '<U+FEFF>Server' contains U+FEFF ZERO WIDTH NO-BREAK SPACE, an"
            + " invisible character that lets the name pass for another",
        ObjectNames.INVISIBLE_HINT);
    assertThat(catalog.environments().list("Finance")).hasSize(1);
    assertThat(catalog.environments().listVariables("Finance", "Prod")).isEmpty();
  }

  @Test
  void aProjectNamedWithABidiOverrideIsNotDeployed() {
    byte[] archive =
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    bytes("name: \"evil\\u202Etxt\"\n"),
                    "packages/Load.yaml",
                    bytes(TestProjects.NOOP_TASKS)))
            .toArchive();

    assertThatThrownBy(() -> catalog.projects().deploy("Finance", archive))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining(
            "project name 'evil<U+202E>txt' contains U+202E RIGHT-TO-LEFT OVERRIDE");
    assertThat(catalog.projects().list("Finance")).isEmpty();
  }

  @Test
  void requiredWorkerTagsRefuseThem() {
    catalog.projects().deploy("Finance", TestProjects.sample("Sales").pack(dir));

    assertInvalid(
        () ->
            catalog
                .executions()
                .create(
                    CreateExecution.of("Finance", "Sales", "Load")
                        .withWorkerTags(List.of("etl", "gpu\u202E"))),
        "worker tag 'gpu<U+202E>' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character"
            + " that changes how the name is shown",
        ObjectNames.INVISIBLE_HINT);
  }

  @Test
  void descriptionsAreAtMostSsissOwn1024Characters() {
    String fits = "d".repeat(ObjectNames.MAX_DESCRIPTION);
    String refused =
        "folder description is 1,025 characters long: the limit is 1,024, as in SSIS's catalog";
    assertInvalid(
        () -> catalog.folders().create("Sales", TOO_LONG), refused, ObjectNames.DESCRIPTION_HINT);
    assertInvalid(
        () -> catalog.folders().setDescription("Finance", TOO_LONG),
        refused,
        ObjectNames.DESCRIPTION_HINT);
    assertInvalid(
        () -> catalog.environments().create("Finance", "Dev", TOO_LONG),
        refused.replace("folder", "environment"),
        ObjectNames.DESCRIPTION_HINT);
    assertInvalid(
        () -> catalog.environments().setDescription("Finance", "Prod", TOO_LONG),
        refused.replace("folder", "environment"),
        ObjectNames.DESCRIPTION_HINT);
    assertInvalid(
        () ->
            catalog
                .environments()
                .setVariable(
                    "Finance", "Prod", "Server", VariableType.STRING, "db1", false, TOO_LONG),
        refused.replace("folder", "environment variable"),
        ObjectNames.DESCRIPTION_HINT);
    // 900 KB, the size a review stored before there was a limit.
    assertThatThrownBy(() -> catalog.folders().create("Big", "x".repeat(900 * 1024)))
        .hasMessageContaining("921,600 characters long");

    assertThat(catalog.folders().list()).extracting(f -> f.name()).containsExactly("Finance");
    assertThat(catalog.environments().list("Finance"))
        .extracting(e -> e.name())
        .containsExactly("Prod");
    assertThat(catalog.folders().get("Finance").description()).isEmpty();
    assertThat(catalog.environments().listVariables("Finance", "Prod")).isEmpty();

    assertThat(catalog.folders().setDescription("Finance", fits).description()).isEqualTo(fits);
    assertThat(
            catalog
                .environments()
                .setVariable("Finance", "Prod", "Server", VariableType.STRING, "db1", false, fits)
                .description())
        .isEqualTo(fits);
  }

  @Test
  void aProjectWithAnOverlongDescriptionIsNotDeployed() {
    byte[] archive =
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    bytes("name: Sales\ndescription: " + TOO_LONG + "\n"),
                    "packages/Load.yaml",
                    bytes(TestProjects.NOOP_TASKS)))
            .toArchive();

    assertThatThrownBy(() -> catalog.projects().deploy("Finance", archive))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("project.yaml:2:14: project description is 1,025 characters long");
    assertThat(catalog.projects().list("Finance")).isEmpty();
  }

  private static void assertInvalid(ThrowingCallable call, String message, String hint) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.hint()).isEqualTo(hint);
            });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
