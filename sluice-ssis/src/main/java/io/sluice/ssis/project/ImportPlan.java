package io.sluice.ssis.project;

import io.sluice.ssis.report.ImportEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * What one import reads: the project's name, its package files in the project's order, and what the
 * project's own files already told (a package the .dtproj names whose file is missing, a .dtsx of
 * the folder the project does not list), which goes first into the report.
 *
 * @param source what the user named, for the report
 */
record ImportPlan(
    String projectName, List<Path> packages, String source, List<ImportEntry> projectEntries) {}
