package io.sluice.ssis;

import io.sluice.engine.project.Project;
import io.sluice.ssis.report.ImportReport;
import java.util.Map;

/**
 * The project an import built, the report of what it could not convert, and the files to write
 * beside the project for porting (a Script task's source, {@code scripts/...}: path to text).
 */
public record ImportResult(Project project, ImportReport report, Map<String, String> sideFiles) {

  public ImportResult {
    sideFiles = Map.copyOf(sideFiles);
  }

  public ImportResult(Project project, ImportReport report) {
    this(project, report, Map.of());
  }
}
