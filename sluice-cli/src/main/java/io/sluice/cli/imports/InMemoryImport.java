package io.sluice.cli.imports;

import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportedProject;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.project.SsisSources;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SSIS files used where a Sluice project is expected ({@code sluice run Load.dtsx}, {@code sluice
 * catalog deploy Project.ispac}): imported in memory into the project files {@code sluice import
 * ssis} would write, IMPORT.md included, so the run or deploy sees exactly that project.
 */
public final class InMemoryImport {

  /** The most findings printed before a run; the rest are in IMPORT.md of a real import. */
  static final int MAX_WARNINGS = 20;

  private InMemoryImport() {}

  /**
   * Whether {@code path} is SSIS source rather than a Sluice project: a .dtsx, .dtproj or .ispac
   * file, or a folder without project.yaml that holds .dtsx or .dtproj files.
   */
  public static boolean isSsis(Path path) {
    if (Files.isDirectory(path)) {
      return !Files.exists(path.resolve(ProjectParser.PROJECT_FILE))
          && SsisSources.isSsisFolder(path);
    }
    return SsisSources.looksLikeSsis(path);
  }

  /** Imports {@code source}; a source that cannot be read is bad input (exit 2). */
  public static ImportedProject importSource(Path source) {
    return importSource(source, ImportOptions.DEFAULT);
  }

  /** {@link #importSource(Path)} with {@code options} (the SQL dialect of sluice import ssis). */
  public static ImportedProject importSource(Path source, ImportOptions options) {
    try {
      return ImportedProject.of(source, options);
    } catch (SsisImportException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }
  }

  /**
   * The import options of {@code --sql-dialect NAME} (null: SQL kept as written), the same for
   * {@code sluice import ssis}, {@code sluice run} and {@code sluice catalog deploy}.
   */
  public static ImportOptions options(String sqlDialect) {
    if (sqlDialect == null) {
      return ImportOptions.DEFAULT;
    }
    if (sqlDialect.equalsIgnoreCase("postgresql") || sqlDialect.equalsIgnoreCase("postgres")) {
      return new ImportOptions(ImportOptions.SqlDialect.POSTGRESQL);
    }
    throw new UsageException(
        "--sql-dialect " + sqlDialect + ": unknown SQL dialect",
        "give --sql-dialect postgresql, or leave the option out to keep the SQL as written");
  }

  /**
   * Refuses {@code --sql-dialect} for {@code target} when it is not SSIS: a Sluice project's SQL is
   * its own, and nothing would rewrite it.
   */
  public static void requireSsisForDialect(String sqlDialect, java.nio.file.Path target) {
    if (sqlDialect != null && Files.exists(target) && !isSsis(target)) {
      throw new UsageException(
          "--sql-dialect " + sqlDialect + ": " + target + " is a Sluice project, not SSIS files",
          "--sql-dialect rewrites the T-SQL of SSIS packages as they are imported; leave it out"
              + " for a Sluice project");
    }
  }

  /**
   * Prints what a run must know before it starts: the counts, then each placeholder (it fails the
   * run if reached) and each element left out, at most {@link #MAX_WARNINGS}.
   */
  public static void warn(PrintWriter err, ImportedProject imported) {
    ImportReport report = imported.result().report();
    err.println("imported " + imported.source() + " in memory: " + ImportedProject.counts(report));
    List<ImportEntry> findings = findings(report);
    for (ImportEntry e : findings.subList(0, Math.min(findings.size(), MAX_WARNINGS))) {
      err.println("warning: " + ImportedProject.describe(e));
    }
    if (findings.size() > MAX_WARNINGS) {
      err.println(
          "warning: "
              + (findings.size() - MAX_WARNINGS)
              + " more; sluice import ssis "
              + imported.source()
              + " --to DIR writes them all to DIR/IMPORT.md");
    }
    err.flush();
  }

  /** The placeholders and the elements left out, in the report's order. */
  static List<ImportEntry> findings(ImportReport report) {
    return report.entries().stream()
        .filter(e -> e.outcome() != ImportEntry.Outcome.CONVERTED)
        .toList();
  }
}
