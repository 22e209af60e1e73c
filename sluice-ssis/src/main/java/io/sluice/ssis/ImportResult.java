package io.sluice.ssis;

import io.sluice.engine.project.Project;
import io.sluice.ssis.report.ImportReport;

/** The project an import built, and the report of what it could not convert. */
public record ImportResult(Project project, ImportReport report) {}
