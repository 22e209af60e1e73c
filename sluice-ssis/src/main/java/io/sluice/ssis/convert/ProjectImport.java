package io.sluice.ssis.convert;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.report.ImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the converters over the packages of one import and assembles project and report. */
public final class ProjectImport {

  private ProjectImport() {}

  public static ImportResult run(String projectName, List<Path> files, String source) {
    return run(projectName, files, source, ImportOptions.DEFAULT);
  }

  public static ImportResult run(
      String projectName, List<Path> files, String source, ImportOptions options) {
    ProjectScope scope = new ProjectScope(options);
    if (!files.isEmpty()) {
      Path folder = files.get(0).toAbsolutePath().getParent();
      if (folder != null) {
        ProjectItemsConverter.read(scope, folder);
      }
    }
    for (Path file : files) {
      scope.addPackage(stem(file), SsisImporter.packageName(file));
    }
    List<PackageDefinition> packages = new ArrayList<>();
    for (Path file : files) {
      packages.add(PackageConverter.convert(scope, file, SsisImporter.packageName(file)));
    }
    Project project =
        new Project(
            projectName,
            null,
            List.copyOf(scope.projectParameters),
            scope.connections == null ? List.of() : List.copyOf(scope.connections.connections),
            packages);
    return new ImportResult(
        project,
        new ImportReport(source, scope.findings.entries()),
        new java.util.LinkedHashMap<>(scope.sideFiles));
  }

  private static String stem(Path file) {
    return file.getFileName().toString();
  }
}
