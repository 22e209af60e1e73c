package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/**
 * {@code sluice catalog parameters}: Show resolved parameter values; set or clear server values.
 */
@Command(
    name = "parameters",
    mixinStandardHelpOptions = true,
    description = "Show resolved parameter values; set or clear server values.")
public final class ParametersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
