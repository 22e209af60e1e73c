package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/**
 * {@code sluice catalog projects}: List projects and their versions, restore a version, delete a
 * project.
 */
@Command(
    name = "projects",
    mixinStandardHelpOptions = true,
    description = "List projects and their versions, restore a version, delete a project.")
public final class ProjectsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
