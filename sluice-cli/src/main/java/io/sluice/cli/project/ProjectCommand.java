package io.sluice.cli.project;

import picocli.CommandLine.Command;

/** {@code sluice project}: work with project files on disk. */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = "Work with project folders and archives on disk.",
    subcommands = {PackCommand.class, ValidateCommand.class})
public final class ProjectCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
