package io.sluice.cli.catalog;

import picocli.CommandLine.Option;

/** {@code --folder F --project P}: the project a command works on. */
public final class ProjectOptions {

  @Option(names = "--folder", required = true, description = "Folder that holds the project.")
  String folder;

  @Option(names = "--project", required = true, description = "Name of the project.")
  String project;
}
