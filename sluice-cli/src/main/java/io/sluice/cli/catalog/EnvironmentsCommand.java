package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.Environment;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog environments}: Create, list and delete environments. */
@Command(
    name = "environments",
    mixinStandardHelpOptions = true,
    description = "Create, list and delete environments.",
    subcommands = {
      EnvironmentsCommand.ListEnvironments.class,
      EnvironmentsCommand.CreateEnvironment.class,
      EnvironmentsCommand.DeleteEnvironment.class
    })
public final class EnvironmentsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List environments with their number of variables.")
  public static final class ListEnvironments extends CatalogCommandBase {
    @Option(names = "--folder", description = "Only the environments of this folder.")
    String folder;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.environments().list(folder),
          column("FOLDER", Environment::folder),
          column("ENVIRONMENT", Environment::name),
          column("VARIABLES", Environment::variableCount),
          column("DESCRIPTION", Environment::description));
      return 0;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an environment in a folder.")
  public static final class CreateEnvironment extends CatalogCommandBase {
    @Option(names = "--folder", required = true, description = "Folder of the environment.")
    String folder;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the new environment.")
    String name;

    @Option(names = "--description", description = "What the environment is for.")
    String description;

    @Override
    protected int run(Catalog catalog, Output out) {
      Environment created = catalog.environments().create(folder, name, description);
      out.done(
          "Created environment " + Output.name(name) + " in folder " + Output.name(folder) + ".",
          created);
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Delete an environment and its variables; references to it remain and show as missing.")
  public static final class DeleteEnvironment extends CatalogCommandBase {
    @Option(names = "--folder", required = true, description = "Folder of the environment.")
    String folder;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the environment.")
    String name;

    @Override
    protected int run(Catalog catalog, Output out) {
      catalog.environments().delete(folder, name);
      out.done(
          "Deleted environment " + Output.name(name) + " from folder " + Output.name(folder) + ".",
          Map.of("folder", folder, "deleted", name));
      return 0;
    }
  }
}
