package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} is the first documentation people read: every command, option and positional
 * argument of the whole tree says what it is for.
 */
class EveryCommandDescribedTest {

  @Test
  void everyCommandOptionAndArgumentHasADescription() {
    List<String> undescribed = new ArrayList<>();
    walk(SluiceCommand.commandLine(), undescribed);
    assertThat(undescribed).isEmpty();
  }

  private static void walk(CommandLine command, List<String> undescribed) {
    CommandSpec spec = command.getCommandSpec();
    String name = spec.qualifiedName();
    if (String.join("", spec.usageMessage().description()).isBlank()) {
      undescribed.add(name);
    }
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      if (String.join("", arg.description()).isBlank()) {
        undescribed.add(name + " " + arg.paramLabel() + describeOption(arg));
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      walk(sub, undescribed);
    }
  }

  private static String describeOption(ArgSpec arg) {
    return arg instanceof CommandLine.Model.OptionSpec option
        ? " (" + option.longestName() + ")"
        : "";
  }
}
