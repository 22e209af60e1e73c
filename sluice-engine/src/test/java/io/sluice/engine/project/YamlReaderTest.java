package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFixtures.PACKAGE;
import static io.sluice.engine.project.ProjectFixtures.files;
import static io.sluice.engine.project.ProjectFixtures.packageProblems;
import static io.sluice.engine.project.ProjectFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * YAML errors point where the problem starts, and the work a file can cause is bounded: aliases
 * that repeat aliases (a YAML bomb), an alias inside what it repeats, deep nesting.
 */
class YamlReaderTest {

  @Test
  void anUnclosedQuoteIsReportedWhereItOpensNotAtTheEndOfTheFile() {
    String project = "name: p\ndescription: \"Loads the rates\nx: 1\ny: 2\nz: 3\n";

    assertThat(problems(files("project.yaml", project, "packages/p.yaml", PACKAGE)))
        .containsExactly(
            "project.yaml:2:14: YAML syntax: the file ends inside a quoted value that starts"
                + " here; close it");
  }

  @Test
  void anUnclosedBracketIsReportedWhereItOpens() {
    assertThat(packageProblems("tasks: [\n  {name: a, type: Expression, expression: x}\n"))
        .containsExactly(
            "packages/p.yaml:1:8: YAML syntax: the file ends inside a list that starts here;"
                + " close it with ']'");
  }

  @Test
  void aProblemBeforeTheEndKeepsItsOwnPosition() {
    assertThat(packageProblems("tasks: [1, 2\nname: x\n"))
        .containsExactly("packages/p.yaml:2:5: YAML syntax: expected ',' or ']', but got :");
  }

  @Test
  void aLineLongerThan64KiCharactersIsRefusedBeforeParsing() {
    // Parsing a 2 MiB line took 3.5 s: SnakeYAML copies what it looked ahead at per 1,024 chars.
    String project = "name: p\r\ndescription: " + "a".repeat(70_000) + "\r\n";

    assertThat(problems(files("project.yaml", project, "packages/p.yaml", PACKAGE)))
        .containsExactly(
            "project.yaml:2:65537: line 2 is longer than 65,536 characters, the most a line may"
                + " hold; break it (a quoted value may go on over several lines, a block value (|)"
                + " holds many, and long SQL fits in a file of the project: ExecuteSql file:)");
  }

  @Test
  void aLineOfExactly64KiCharactersIsRead() {
    // A parameter's default: a description that long is refused by its own limit (1,024).
    String head = "  - {name: P, type: String, default: ";
    String value = "a".repeat(64 * 1024 - head.length() - 1);
    String project = "name: p\nparameters:\n" + head + value + "}\n";

    assertThat(
            ProjectFixtures.parse(files("project.yaml", project, "packages/p.yaml", PACKAGE))
                .parameters()
                .get(0)
                .defaultValue())
        .isEqualTo(value);
  }

  @Test
  void aYamlBombIsRefusedAtTheAliasThatPassesTheLimit() {
    // 48 aliases, within SnakeYAML's own limit of 50, standing for 3^17 values: this filled a 2 GB
    // heap in 105 s once the task's settings were read.
    StringBuilder bomb = new StringBuilder("    bomb:\n      x0: &x0 [lol, lol, lol]\n");
    for (int i = 1; i <= 16; i++) {
      bomb.append("      x").append(i).append(": &x").append(i).append(" [");
      bomb.append(("*x" + (i - 1) + ", ").repeat(2)).append("*x").append(i - 1).append("]\n");
    }
    String pkg = "tasks:\n  - name: t\n    type: Expression\n    expression: \"1 == 1\"\n" + bomb;

    // x10 stands for 265,720 values (x0 for 4, each next one for 1 + 3 times the one before); its
    // second alias passes the limit of 250,000: x10 is on line 6 + 10, the alias at column 23.
    assertThat(packageProblems(pkg))
        .containsExactly(
            "packages/p.yaml:16:23: more than 250,000 values here, counting each alias as all"
                + " the values it repeats (a large package holds some tens of thousands); write"
                + " out what aliases of aliases repeat (a YAML bomb), or split the package");
  }

  @Test
  void moreThan50AliasesOfCollectionsAreRefusedAtThe51st() {
    StringBuilder pkg = new StringBuilder("columns: &c [a, b]\nuses:\n");
    for (int i = 1; i <= 51; i++) {
      pkg.append("  - *c\n");
    }

    assertThat(packageProblems(pkg.toString()))
        .containsExactly(
            "packages/p.yaml:53:5: more than 50 aliases of lists or mappings (this is *c);"
                + " aliases of aliases can stand for billions of values (a YAML bomb): write the"
                + " values out instead");
  }

  @Test
  void aliasesOfSingleValuesAreNotCounted() {
    StringBuilder pkg = new StringBuilder("description: &d text\nvariables:\n");
    for (int i = 1; i <= 60; i++) {
      pkg.append("  - {name: v").append(i).append(", type: String, value: *d}\n");
    }
    pkg.append(PACKAGE);

    assertThat(ProjectFixtures.parse(ProjectFixtures.withPackage(pkg.toString())).packages())
        .singleElement()
        .satisfies(p -> assertThat(p.variables()).hasSize(60));
  }

  @Test
  void anAliasInsideWhatItRepeatsIsRefusedWhereItIs() {
    // It overflowed the stack of whatever read the package.
    assertThat(packageProblems("tasks: &t\n  - name: t\n    type: Sequence\n    tasks: *t\n"))
        .containsExactly(
            "packages/p.yaml:4:12: the alias *t is inside the list or mapping &t it repeats,"
                + " which would never end");
  }

  @Test
  void nestingDeeperThan50IsRefusedWhereItPassesTheLimit() {
    String deep = "[".repeat(51) + "]".repeat(51);

    assertThat(packageProblems("tasks: []\nx: " + deep + "\n"))
        .containsExactly(
            "packages/p.yaml:2:53: lists and mappings nested more than 50 deep here; no package"
                + " needs that many: write it flatter");
  }
}
