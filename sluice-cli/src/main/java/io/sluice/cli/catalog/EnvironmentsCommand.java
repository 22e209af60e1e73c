package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog environments}: Create, list and delete environments. */
@Command(
    name = "environments",
    mixinStandardHelpOptions = true,
    description = "Create, list and delete environments.")
public final class EnvironmentsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
