package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog}: every catalog operation. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Work with the catalog: folders, projects, parameters, environments, executions.",
    subcommands = {
      FoldersCommand.class,
      DeployCommand.class,
      ProjectsCommand.class,
      PackagesCommand.class,
      ValidateCommand.class,
      ParametersCommand.class,
      EnvironmentsCommand.class,
      VariablesCommand.class,
      ReferencesCommand.class,
      ExecutionsCommand.class,
      ExecuteCommand.class,
      MessagesCommand.class,
      OperationsCommand.class,
      PropertiesCommand.class,
      CleanupCommand.class
    })
public final class CatalogCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
