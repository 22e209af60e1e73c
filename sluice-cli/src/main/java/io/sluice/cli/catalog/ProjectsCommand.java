package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterComparison;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.catalog.project.ProjectInfo;
import io.sluice.catalog.project.ProjectVersion;
import io.sluice.catalog.project.RestoreResult;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice catalog projects}: list, versions, compare, restore, delete. */
@Command(
    name = "projects",
    mixinStandardHelpOptions = true,
    description =
        "List projects and their versions, compare two versions' parameters, restore a version,"
            + " delete a project.",
    subcommands = {
      ProjectsCommand.ListProjects.class,
      ProjectsCommand.Versions.class,
      ProjectsCommand.Restore.class,
      ProjectsCommand.Compare.class,
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
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Compare the parameters of two kept versions of a project: which a deploy added, removed"
            + " or changed, and what changed (type, required, sensitive, description, design"
            + " default, server value, environment reference). Sensitive values stay masked."
      })
  public static final class Compare extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Option(names = "--from", required = true, description = "The older version's number.")
    int from;

    @Option(names = "--to", required = true, description = "The newer version's number.")
    int to;

    @Option(names = "--all", description = "Also list the parameters that did not change.")
    boolean all;

    @Override
    protected int run(Catalog catalog, Output out) {
      ParameterComparison comparison =
          catalog.parameters().compare(target.folder, target.project, from, to);
      out.table(
          comparison.parameters().stream()
              .filter(d -> all || d.change() != ParameterComparison.Change.UNCHANGED)
              .toList(),
          column("CHANGE", d -> d.change().name().toLowerCase(java.util.Locale.ROOT)),
          column(
              "PARAMETER",
              d ->
                  d.objectType() == ObjectType.PROJECT
                      ? "$Project::" + d.name()
                      : d.objectName() + ": $Package::" + d.name()),
          column("WHAT", d -> String.join(", ", d.changed())),
          column("VERSION " + from, d -> describe(d.from())),
          column("VERSION " + to, d -> describe(d.to())));
      return 0;
    }

    /** {@code String, required, default 'x', server value 'y'}: what the table compares. */
    private static String describe(ParameterInfo p) {
      if (p == null) {
        return "-";
      }
      StringBuilder s = new StringBuilder(p.dataType());
      if (p.required()) {
        s.append(", required");
      }
      if (p.sensitive()) {
        s.append(", sensitive");
      }
      if (p.designDefault() != null) {
        s.append(", default '").append(p.designDefault()).append('\'');
      }
      if (p.referencedVariable() != null) {
        s.append(", from environment variable ").append(p.referencedVariable());
      } else if (p.serverValue() != null) {
        s.append(", server value '").append(p.serverValue()).append('\'');
      }
      return s.toString();
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
