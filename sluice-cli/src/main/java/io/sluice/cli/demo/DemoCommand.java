package io.sluice.cli.demo;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.folder.Folder;
import io.sluice.catalog.project.DeployResult;
import io.sluice.catalog.project.ProjectInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.ProjectArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice demo}: the main job on the embedded default, with no configuration. Today it
 * deploys every example project into the catalog and shows what the catalog holds; the scale-out
 * issue extends it to run executions on a master and two workers.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy the example projects into the (embedded) catalog and show what is in it.",
      "Run it twice: every deploy adds a project version."
    })
public final class DemoCommand extends CatalogCommandBase {

  @Option(
      names = "--folder",
      defaultValue = "demo",
      description = "Catalog folder to deploy into (default: ${DEFAULT-VALUE}).")
  String folder;

  @Option(
      names = "--examples",
      description = "Folder of example projects (default: examples/ next to the sluice launcher).")
  Path examples;

  @Override
  protected int run(Catalog catalog, Output out) {
    List<Path> projects = exampleProjects();
    ensureFolder(catalog);
    System.out.println(
        "Deploying " + projects.size() + " example projects into folder '" + folder + "':");
    for (Path project : projects) {
      DeployResult deployed = catalog.projects().deploy(folder, ProjectArchive.fromPath(project));
      System.out.printf(
          "  %-16s version %d, %s, %s (from %s)%n",
          deployed.project(),
          deployed.versionNumber(),
          count(deployed.packages().size(), "package"),
          count(deployed.parameterCount(), "parameter"),
          project);
    }
    System.out.println();
    System.out.println("Projects in folder '" + folder + "':");
    List<ProjectInfo> listed = catalog.projects().list(folder);
    out.table(
        listed,
        Output.column("PROJECT", ProjectInfo::name),
        Output.column("CURRENT VERSION", ProjectInfo::currentVersion),
        Output.column("VERSIONS KEPT", ProjectInfo::versionCount),
        Output.column("LAST DEPLOYED", ProjectInfo::lastDeployedTime));
    for (ProjectInfo project : listed) {
      System.out.println();
      System.out.println("Packages of " + project.name() + ":");
      out.table(
          catalog.projects().packages(folder, project.name()),
          Output.column("PACKAGE", p -> p.name()),
          Output.column("ENTRY POINT", p -> p.entryPoint() ? "yes" : "no"),
          Output.column("PARAMETERS", p -> p.parameterCount()),
          Output.column("DESCRIPTION", p -> p.description()));
    }
    System.out.println();
    System.out.println("Try next:");
    System.out.println(
        "  ./sluice catalog parameters list --folder " + folder + " --project <name>");
    System.out.println(
        "  ./sluice catalog projects versions --folder " + folder + " --project <name>");
    System.out.println("  ./sluice catalog --help");
    return 0;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void ensureFolder(Catalog catalog) {
    boolean exists = catalog.folders().list().stream().map(Folder::name).anyMatch(folder::equals);
    if (!exists) {
      try {
        catalog.folders().create(folder, "Example projects deployed by sluice demo");
      } catch (CatalogException raced) {
        if (raced.reason() != CatalogException.Reason.CONFLICT) {
          throw raced;
        }
      }
    }
  }

  private List<Path> exampleProjects() {
    Path dir = examples;
    if (dir == null) {
      String home = System.getProperty("sluice.home");
      dir = home != null ? Path.of(home, "examples") : Path.of("examples");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(
          "no examples folder at " + dir.toAbsolutePath(),
          "run ./sluice demo from the repository, or pass --examples DIR");
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> projects =
          children.filter(p -> Files.isRegularFile(p.resolve("project.yaml"))).sorted().toList();
      if (projects.isEmpty()) {
        throw new UsageException(
            "no example projects (folders with project.yaml) in " + dir.toAbsolutePath(),
            "pass --examples DIR naming a folder of projects");
      }
      return projects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
