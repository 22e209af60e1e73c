package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog deploy}: Deploy a project folder or archive into a catalog folder. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Deploy a project folder or archive into a catalog folder.")
public final class DeployCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
