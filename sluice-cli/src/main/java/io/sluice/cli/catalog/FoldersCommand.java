package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.folder.Folder;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog folders}: Create, list and delete folders. */
@Command(
    name = "folders",
    mixinStandardHelpOptions = true,
    description = "Create, list and delete folders.",
    subcommands = {
      FoldersCommand.ListFolders.class,
      FoldersCommand.CreateFolder.class,
      FoldersCommand.DeleteFolder.class
    })
public final class FoldersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List folders with the number of projects and environments in each.")
  public static final class ListFolders extends CatalogCommandBase {
    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.folders().list(),
          column("FOLDER", Folder::name),
          column("PROJECTS", Folder::projectCount),
          column("ENVIRONMENTS", Folder::environmentCount),
          column("CREATED", Folder::createdTime),
          column("DESCRIPTION", Folder::description));
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a folder.")
  public static final class CreateFolder extends CatalogCommandBase {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the new folder.")
    String name;

    @Option(names = "--description", description = "What the folder is for.")
    String description;

    @Override
    protected int run(Catalog catalog, Output out) {
      Folder folder = catalog.folders().create(name, description);
      out.done("Created folder " + Output.name(folder.name()) + ".", folder);
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete an empty folder (delete its projects and environments first).")
  public static final class DeleteFolder extends CatalogCommandBase {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the folder.")
    String name;

    @Override
    protected int run(Catalog catalog, Output out) {
      catalog.folders().delete(name);
      out.done("Deleted folder " + Output.name(name) + ".", Map.of("deleted", name));
      return 0;
    }
  }
}
