package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog references}: Add, list and delete environment references of a project. */
@Command(
    name = "references",
    mixinStandardHelpOptions = true,
    description = "Add, list and delete environment references of a project.")
public final class ReferencesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
