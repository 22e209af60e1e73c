package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.EnvironmentReference;
import io.sluice.catalog.environment.ReferenceType;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog references}: Add, list and delete environment references. */
@Command(
    name = "references",
    mixinStandardHelpOptions = true,
    description = "Add, list and delete environment references of a project.",
    subcommands = {
      ReferencesCommand.ListReferences.class,
      ReferencesCommand.AddReference.class,
      ReferencesCommand.DeleteReference.class
    })
public final class ReferencesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the environments a project may run with, and whether each exists right now.")
  public static final class ListReferences extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.environments().listReferences(target.folder, target.project),
          column("ID", EnvironmentReference::referenceId),
          column("TYPE", r -> r.type().name().toLowerCase(Locale.ROOT)),
          column("ENVIRONMENT FOLDER", EnvironmentReference::environmentFolder),
          column("ENVIRONMENT", EnvironmentReference::environmentName),
          column("EXISTS", r -> r.environmentExists() ? "yes" : "NO (missing)"));
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Let a project run with an environment. Without --environment-folder the reference is"
            + " relative (the environment of that name in the project's own folder); with it,"
            + " absolute."
      })
  public static final class AddReference extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Option(names = "--environment", required = true, description = "Name of the environment.")
    String environment;

    @Option(
        names = "--environment-folder",
        description = "Folder of the environment, for an absolute reference.")
    String environmentFolder;

    @Override
    protected int run(Catalog catalog, Output out) {
      ReferenceType type =
          environmentFolder == null ? ReferenceType.RELATIVE : ReferenceType.ABSOLUTE;
      EnvironmentReference added =
          catalog
              .environments()
              .addReference(target.folder, target.project, type, environmentFolder, environment);
      out.done(
          "Added "
              + type.name().toLowerCase(Locale.ROOT)
              + " reference "
              + added.referenceId()
              + " from project "
              + Output.name(target.project)
              + " to environment "
              + Output.name(added.environmentFolder())
              + "/"
              + Output.name(environment)
              + ".",
          added);
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete an environment reference by its ID (see: references list).")
  public static final class DeleteReference extends CatalogCommandBase {
    @Parameters(index = "0", paramLabel = "ID", description = "ID of the reference.")
    long referenceId;

    @Override
    protected int run(Catalog catalog, Output out) {
      catalog.environments().deleteReference(referenceId);
      out.done(
          "Deleted environment reference " + referenceId + ".", Map.of("deleted", referenceId));
      return 0;
    }
  }
}
