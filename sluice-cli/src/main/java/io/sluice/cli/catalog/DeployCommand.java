package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.project.DeployResult;
import io.sluice.catalog.project.PackageInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.imports.InMemoryImport;
import io.sluice.cli.imports.SqlDialectOption;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.ssis.ImportedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog deploy}: Deploy a project folder or archive into a catalog folder. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy a project folder or archive into a catalog folder; SSIS files (.dtsx, .ispac, an SSIS"
          + " project folder) are imported in memory first.",
      "Every deploy stores a new version of the project and makes it current; server values of"
          + " parameters that keep their name and type are carried over."
    })
public final class DeployCommand extends CatalogCommandBase {

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description =
          "Project folder (with project.yaml) or "
              + ProjectArchive.EXTENSION
              + " archive; or SSIS files (a .dtsx, an SSIS project folder or .dtproj, an .ispac),"
              + " imported first.")
  Path path;

  @Option(names = "--folder", required = true, description = "Catalog folder to deploy into.")
  String folder;

  @Option(names = "--create-folder", description = "Create the catalog folder if it is missing.")
  boolean createFolder;

  @Mixin SqlDialectOption sqlDialect;

  @Override
  protected int run(Catalog catalog, Output out) {
    byte[] archive = archive(); // validated before the catalog is touched
    if (createFolder) {
      createFolderIfMissing(catalog);
    } else {
      requireFolder(catalog);
    }
    DeployResult result = catalog.projects().deploy(folder, archive);
    if (out.json()) {
      out.printJson(result);
      return 0;
    }
    out.done(
        "Deployed project "
            + Output.name(result.project())
            + " to folder "
            + Output.name(result.folder())
            + " as version "
            + result.versionNumber()
            + " ("
            + plural(result.parameterCount(), "parameter")
            + ", "
            + plural(result.carriedServerValues(), "server value")
            + " carried over).",
        result);
    if (!result.removedVersions().isEmpty()) {
      out.done("Version cleanup removed versions " + result.removedVersions() + ".", result);
    }
    out.table(
        result.packages(),
        column("PACKAGE", PackageInfo::name),
        column("ENTRY POINT", p -> p.entryPoint() ? "yes" : "no"),
        column("PARAMETERS", PackageInfo::parameterCount));
    return 0;
  }

  /**
   * The archive to deploy. SSIS files are imported here, in the CLI, and deployed as the Sluice
   * project they make, with the import's findings as the archive's deploy notes: the master and the
   * catalog only ever receive Sluice projects, and never parse SSIS XML (docs/architecture.md).
   */
  private byte[] archive() {
    sqlDialect.requireSsis(path);
    if (!InMemoryImport.isSsis(path) || !Files.exists(path)) {
      return ProjectArchive.fromPath(path);
    }
    ImportedProject imported = InMemoryImport.importSource(path, sqlDialect.importOptions());
    ProjectFiles files = imported.withDeployNotes();
    ProjectParser.parse(files);
    System.err.println(
        "imported "
            + imported.source()
            + " in memory: "
            + ImportedProject.counts(imported.result().report())
            + "; the findings go into the deploy's operation messages");
    return files.toArchive();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private void requireFolder(Catalog catalog) {
    try {
      catalog.folders().get(folder);
    } catch (CatalogException missing) {
      if (missing.reason() != CatalogException.Reason.NOT_FOUND) {
        throw missing;
      }
      throw CatalogException.notFound(
          missing.getMessage(),
          "add --create-folder, or create it first with: sluice catalog folders create " + folder);
    }
  }

  private void createFolderIfMissing(Catalog catalog) {
    try {
      catalog.folders().get(folder);
    } catch (CatalogException missing) {
      if (missing.reason() != CatalogException.Reason.NOT_FOUND) {
        throw missing;
      }
      try {
        catalog.folders().create(folder, null);
      } catch (CatalogException raced) {
        if (raced.reason() != CatalogException.Reason.CONFLICT) {
          throw raced; // CONFLICT: another deploy created it meanwhile, which is fine
        }
      }
    }
  }
}
