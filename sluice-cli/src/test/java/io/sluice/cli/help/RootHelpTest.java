package io.sluice.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `sluice --help` and a mistyped command show a new user. */
class RootHelpTest {

  @Test
  void anUnknownCommandIsRefusedWithTheNearestOneEvenWhenHelpIsAsked() {
    for (String[] args :
        new String[][] {
          {"NOSUCHCOMMAND", "--help"}, {"executons", "--help"}, {"catalog", "foldrs", "--help"}
        }) {
      Result r = CliRun.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).contains("error: Unmatched argument");
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
}
