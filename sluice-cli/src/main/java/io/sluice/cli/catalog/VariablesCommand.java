package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog variables}: Set, list and delete environment variables. */
@Command(
    name = "variables",
    mixinStandardHelpOptions = true,
    description = "Set, list and delete environment variables.")
public final class VariablesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
