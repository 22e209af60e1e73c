package io.sluice.cli.run;

import io.sluice.cli.common.UsageException;
import io.sluice.cli.imports.InMemoryImport;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportedProject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code sluice run} was pointed at, read as project files: a project folder, a {@code .spac}
 * archive, or a single package file whose folder has no project.yaml (a one-package project); or
 * SSIS files (a {@code .dtsx}, an SSIS project folder or {@code .dtproj}, an {@code .ispac}),
 * imported in memory as {@code sluice import ssis} would, after the import's findings are printed.
 */
final class PackageSource {

  private PackageSource() {}

  static ProjectFiles read(Path target) {
    return read(target, new PrintWriter(System.err, true), ImportOptions.DEFAULT);
  }

  /**
   * As {@link #read(Path)}; SSIS files are imported with {@code options} (the SQL dialect), and the
   * import's findings are printed to {@code err}.
   */
  static ProjectFiles read(Path target, PrintWriter err, ImportOptions options) {
    if (InMemoryImport.isSsis(target) && Files.exists(target)) {
      ImportedProject imported = InMemoryImport.importSource(target, options);
      InMemoryImport.warn(err, imported);
      return imported.files();
    }
    if (Files.isDirectory(target)) {
      return ProjectFiles.fromDirectory(target);
    }
    if (!Files.isRegularFile(target)) {
      throw new UsageException(
          target + " does not exist",
          "give a project folder, a .spac archive or a package .yaml file, or SSIS files (a .dtsx,"
              + " an SSIS project folder, an .ispac)");
    }
    String name = target.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      Path parent = target.toAbsolutePath().getParent();
      if (Files.exists(parent.resolve(ProjectParser.PROJECT_FILE))) {
        throw new UsageException(
            target + " belongs to the project in " + parent,
            "run the project: sluice run " + parent + " --package NAME");
      }
      String project = "name: " + quoted(stem(name)) + "\n";
      return ProjectFiles.of(
          Map.of(
              ProjectParser.PROJECT_FILE,
              project.getBytes(StandardCharsets.UTF_8),
              ProjectParser.PACKAGES_FOLDER + name,
              ProjectFiles.readFile(target, ProjectParser.PACKAGES_FOLDER + name)));
    }
    return ProjectFiles.fromArchive(ProjectArchive.readFile(target));
  }

  static String stem(String fileName) {
    return fileName.replaceFirst("\\.ya?ml$", "");
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
