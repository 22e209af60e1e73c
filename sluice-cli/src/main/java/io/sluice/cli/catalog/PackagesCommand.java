package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog packages}: List the packages of a project. */
@Command(
    name = "packages",
    mixinStandardHelpOptions = true,
    description = "List the packages of a project.")
public final class PackagesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
