package io.sluice.catalog.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogException.Reason;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldersTest {

  @TempDir Path tmp;
  private CatalogUnderTest cut;
  private Folders folders;

  @BeforeEach
  void open() {
    cut = CatalogUnderTest.open();
    folders = cut.catalog().folders();
  }

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void createsListsAndDescribesFolders() {
    Folder created = folders.create("Finance", "month-end loads");
    folders.create("Archive", null);

    assertThat(created.name()).isEqualTo("Finance");
    assertThat(created.description()).isEqualTo("month-end loads");
    assertThat(created.createdBy()).isEqualTo("tester");
    assertThat(created.createdTime()).isNotNull();
    assertThat(folders.list()).extracting(Folder::name).containsExactly("Archive", "Finance");
    assertThat(folders.setDescription("Archive", "old stuff").description()).isEqualTo("old stuff");
    assertThat(folders.get("Archive").description()).isEqualTo("old stuff");
  }

  @Test
  void duplicateNameIsAConflictWithAHint() {
    folders.create("Finance", "");
    assertThatThrownBy(() -> folders.create("Finance", "again"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
              assertThat(e.getMessage()).contains("'Finance' already exists");
              assertThat(e.hint()).contains("sluice catalog folders list");
            });
  }

  @Test
  void missingFolderIsNotFoundWithAHint() {
    for (Runnable call :
        new Runnable[] {
          () -> folders.get("Nope"),
          () -> folders.delete("Nope"),
          () -> folders.setDescription("Nope", "x")
        }) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              CatalogException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                assertThat(e.getMessage()).isEqualTo("folder 'Nope' does not exist");
                assertThat(e.hint()).isEqualTo("list folders with: sluice catalog folders list");
              });
    }
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|is empty",
        "'   '|only blanks",
        "@admin|starts with '@'",
        "a<b|none of",
        "'pipe|b'|none of",
        "quote\"d|none of",
      })
  void refusesNamesThatBreakTheRule(String name, String rule) {
    assertThatThrownBy(() -> folders.create(name, ""))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.getMessage()).startsWith("folder name").contains(rule);
              assertThat(e.hint()).contains("1 to 128 characters");
            });
    assertThat(folders.list()).isEmpty();
  }

  @Test
  void refusesTooLongNamesAndControlCharacters() {
    assertThatThrownBy(() -> folders.create("x".repeat(129), ""))
        .hasMessage("folder name is 129 characters long: the limit is 128");
    assertThatThrownBy(() -> folders.create("tab\there", ""))
        .hasMessage(
            "folder name 'tab<U+0009>here' contains U+0009 CHARACTER TABULATION, a control"
                + " character");
    assertThat(folders.create("x".repeat(128), "").name()).hasSize(128);
  }

  @Test
  void deleteRefusesWhileTheFolderHoldsProjectsOrEnvironments() {
    folders.create("Finance", "");
    cut.catalog().projects().deploy("Finance", TestProjects.sample("Sales").pack(tmp));
    cut.catalog().environments().create("Finance", "Prod", "");

    assertThatThrownBy(() -> folders.delete("Finance"))
        .isInstanceOfSatisfying(
            CatalogException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
              assertThat(e.getMessage())
                  .isEqualTo("folder 'Finance' still holds 1 project(s) and 1 environment(s)");
              assertThat(e.hint()).contains("sluice catalog projects delete");
            });
    Folder counted = folders.get("Finance");
    assertThat(counted.projectCount()).isEqualTo(1);
    assertThat(counted.environmentCount()).isEqualTo(1);

    cut.catalog().projects().delete("Finance", "Sales");
    cut.catalog().environments().delete("Finance", "Prod");
    folders.delete("Finance");
    assertThat(folders.list()).isEmpty();
  }
}
