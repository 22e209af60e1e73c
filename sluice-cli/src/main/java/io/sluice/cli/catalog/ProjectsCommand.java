package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.project.ProjectInfo;
import io.sluice.catalog.project.ProjectVersion;
import io.sluice.catalog.project.RestoreResult;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice catalog projects}: list, versions, restore, delete. */
@Command(
    name = "projects",
    mixinStandardHelpOptions = true,
    description = "List projects and their versions, restore a version, delete a project.",
    subcommands = {
      ProjectsCommand.ListProjects.class,
      ProjectsCommand.Versions.class,
      ProjectsCommand.Restore.class,
      ProjectsCommand.DeleteProject.class
    })
public final class ProjectsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List deployed projects with their current version.")
  public static final class ListProjects extends CatalogCommandBase {
    @Option(names = "--folder", description = "Only the projects of this folder.")
    String folder;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.projects().list(folder),
          column("FOLDER", ProjectInfo::folder),
          column("PROJECT", ProjectInfo::name),
          column("VERSION", ProjectInfo::currentVersion),
          column("VERSIONS KEPT", ProjectInfo::versionCount),
          column("LAST DEPLOYED", ProjectInfo::lastDeployedTime),
          column("DESCRIPTION", ProjectInfo::description));
      return 0;
    }
  }

  @Command(
      name = "versions",
      mixinStandardHelpOptions = true,
      description = "List the kept versions of a project, newest first; * marks the current one.")
  public static final class Versions extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.projects().versions(target.folder, target.project),
          column("VERSION", v -> v.versionNumber() + (v.current() ? " *" : "")),
          column("DEPLOYED", ProjectVersion::deployedTime),
          column("BY", ProjectVersion::deployedBy),
          column("BYTES", ProjectVersion::archiveBytes),
          column("SHA-256", ProjectVersion::archiveSha256));
      return 0;
    }
  }

  // No standard help mixin: its --version would clash with the version to restore.
  @Command(
      name = "restore",
      description = {
        "Make an older version of a project current again.",
        "As in SSIS, the restored version's parameters go back to their design defaults (server"
            + " values are cleared); environment references stay."
      })
  public static final class Restore extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Option(names = "--version", required = true, description = "Version number to restore.")
    int version;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Override
    protected int run(Catalog catalog, Output out) {
      RestoreResult result = catalog.projects().restore(target.folder, target.project, version);
      out.done(
          "Restored project "
              + Output.name(result.project())
              + " to version "
              + result.versionNumber()
              + " (was "
              + result.previousVersionNumber()
              + "); "
              + result.clearedServerValues()
              + " server values reset to design defaults.",
          result);
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Delete a project with all its versions, parameter values and environment references.")
  public static final class DeleteProject extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Override
    protected int run(Catalog catalog, Output out) {
      catalog.projects().delete(target.folder, target.project);
      out.done(
          "Deleted project "
              + Output.name(target.project)
              + " from folder "
              + Output.name(target.folder)
              + ".",
          Map.of("folder", target.folder, "deleted", target.project));
      return 0;
    }
  }
}
