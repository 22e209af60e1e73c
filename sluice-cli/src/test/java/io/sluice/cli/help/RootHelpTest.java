package io.sluice.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `sluice --help` and a mistyped command show a new user. */
class RootHelpTest {

  @Test
  void anUnknownCommandIsRefusedWithTheNearestOneEvenWhenHelpIsAsked() {
    for (String[] args :
        new String[][] {
          {"NOSUCHCOMMAND", "--help"},
          {"NOSUCHCOMMAND"},
          {"executons", "--help"},
          {"catalog", "foldrs", "--help"},
          {"catalog", "foldrs", "list"}
        }) {
      Result r = CliRun.run(args);
      String parent = args[0].equals("catalog") ? "sluice catalog" : "sluice";
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("error: '" + args[args[0].equals("catalog") ? 1 : 0] + "' is not a " + parent)
          .contains("hint: " + parent + " --help lists its commands");
      assertThat(r.out()).as("no usage text as if it existed").doesNotContain("Usage:");
    }
    assertThat(CliRun.run("executons", "--help").err()).contains("executions");
    assertThat(CliRun.run("catalog", "foldrs", "--help").err()).contains("folders");
  }

  @Test
  void theShortcutCommandsShowTheirOwnNamesInTheirHelp() {
    for (String name : new String[] {"executions", "stop", "messages"}) {
      Result help = CliRun.run(name, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).startsWith("Usage: sluice " + name + " ");
    }
  }

  @Test
  void everyCommandTheRootHelpListsIsSummedUpInAWholeSentence() {
    // the list shows each command's first description line; a cut one read "... one master"
    CommandLine root = SluiceCommand.commandLine();
    assertThat(root.getSubcommands()).hasSizeGreaterThan(10);
    root.getSubcommands()
        .forEach(
            (name, command) -> {
              String[] description = command.getCommandSpec().usageMessage().description();
              assertThat(description).as(name).isNotEmpty();
              assertThat(description[0].strip()).as(name).endsWith(".");
            });
    assertThat(CliRun.run("--help").out())
        .contains("Run Sluice Scale Out on this machine with no configuration.");
  }

  @Test
  void aDescriptionsParagraphIsWrappedAsAWholeNotLineByLine() {
    // the sources break a paragraph into lines of about 95 characters; printed one by one at a
    // width of 80, each was broken again: "... It prints the JDBC" / "URL, user and password to
    // give a package, and stays up until Ctrl-C (--once:" / "exits at" / "once). ..."
    Result help = CliRun.run("sandbox", "--help");
    assertThat(help.exitCode()).isZero();
    String description = help.out().substring(help.out().indexOf("Create a PostgreSQL"));
    description = description.substring(0, description.indexOf("\n      NAME"));
    List<String> lines = description.lines().toList();
    assertThat(lines).hasSizeGreaterThan(2);
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertThat(line.length()).as("a line inside the paragraph: '%s'", line).isGreaterThan(60);
    }
    // the first line stays the summary the root's list of commands shows
    assertThat(lines.get(0))
        .isEqualTo(
            "Create a PostgreSQL database for examples and tutorials on the embedded server.");
    assertThat(CliRun.run("--help").out())
        .contains("sandbox     Create a PostgreSQL database for examples and tutorials on the");
  }

  @Test
  void indentedExampleLinesOfADescriptionStayLinesOfTheirOwn() {
    CommandLine root = SluiceCommand.commandLine();
    List<String> indented = new ArrayList<>();
    collectIndented(root, indented);
    assertThat(indented).as("some command shows indented examples").isNotEmpty();
    assertThat(indented)
        .containsExactly(
            "Examples: set-parameter 7 FilePattern 'Currency_A*.txt'",
            "          set-parameter 7 LOGGING_LEVEL 3",
            "          set-parameter 7 WarehousePassword @/run/secrets/warehouse");
  }

  private static void collectIndented(CommandLine command, List<String> into) {
    for (String line : command.getCommandSpec().usageMessage().description()) {
      if (line.contains("set-parameter 7 ")) {
        into.add(line);
      }
    }
    command.getSubcommands().values().forEach(sub -> collectIndented(sub, into));
  }
}
