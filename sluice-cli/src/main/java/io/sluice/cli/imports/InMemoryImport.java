package io.sluice.cli.imports;

import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.DeployNotes;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.project.SsisSources;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
   * The import and its project's files.
   *
   * @param source what was imported, as the user named it
   */
  public record Imported(String source, ImportResult result, ProjectFiles files) {

    /** The files plus the import's findings as {@link DeployNotes}, for a deploy. */
    public ProjectFiles withDeployNotes() {
      Map<String, byte[]> all = new LinkedHashMap<>(files.all());
      all.put(DeployNotes.PATH, DeployNotes.write(notes(source, result.report())));
      return ProjectFiles.of(all);
    }
  }

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
  public static Imported importSource(Path source) {
    return importSource(source, ImportOptions.DEFAULT);
  }

  /** {@link #importSource(Path)} with {@code options} (the SQL dialect of sluice import ssis). */
  public static Imported importSource(Path source, ImportOptions options) {
    ImportResult result;
    try {
      result = SsisImporter.importSource(source, options);
    } catch (SsisImportException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }
    ProjectFiles project = ProjectWriter.write(result.project());
    // IMPORT.md travels with the project (a project folder may hold any other file).
    Map<String, byte[]> files = new LinkedHashMap<>(project.all());
    files.put(
        "IMPORT.md", ImportReportMarkdown.render(result.report()).getBytes(StandardCharsets.UTF_8));
    // Script sources (scripts/...) too, for porting: the engine never reads them
    result
        .sideFiles()
        .forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new Imported(source.toString(), result, ProjectFiles.of(files));
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
   * {@code 40 of 52 elements converted, 3 placeholder tasks, 2 left out}; with {@code 1 placeholder
   * component} before the last when a data flow holds a Script Component stub to port.
   */
  public static String counts(ImportReport report) {
    long components =
        report.count(ImportEntry.ElementKind.COMPONENT, ImportEntry.Outcome.PLACEHOLDER);
    long placeholders =
        report.entries().stream()
                .filter(e -> e.outcome() == ImportEntry.Outcome.PLACEHOLDER)
                .count()
            - components;
    long leftOut =
        report.entries().stream()
            .filter(e -> e.kind().counted() && e.outcome() == ImportEntry.Outcome.LEFT_OUT)
            .count();
    return String.format(
        Locale.ROOT,
        "%d of %d elements converted, %d placeholder task%s, %s%d left out",
        report.converted(),
        report.elements(),
        placeholders,
        placeholders == 1 ? "" : "s",
        components == 0
            ? ""
            : components + " placeholder component" + (components == 1 ? "" : "s") + ", ",
        leftOut);
  }

  /**
   * Prints what a run must know before it starts: the counts, then each placeholder (it fails the
   * run if reached) and each element left out, at most {@link #MAX_WARNINGS}.
   */
  public static void warn(PrintWriter err, Imported imported) {
    ImportReport report = imported.result().report();
    err.println("imported " + imported.source() + " in memory: " + counts(report));
    List<ImportEntry> findings = findings(report);
    for (ImportEntry e : findings.subList(0, Math.min(findings.size(), MAX_WARNINGS))) {
      err.println("warning: " + describe(e));
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

  /** {@code Load \Package\Send mail (Microsoft.SendMailTask): placeholder: why; to do: todo}. */
  static String describe(ImportEntry e) {
    StringBuilder s = new StringBuilder();
    if (e.packageName() != null) {
      s.append(e.packageName()).append(' ');
    }
    s.append(e.path()).append(" (").append(e.ssisType()).append("): ");
    s.append(
        e.outcome() == ImportEntry.Outcome.PLACEHOLDER
            ? e.kind() == ImportEntry.ElementKind.COMPONENT
                ? "placeholder component, fails when its data flow runs"
                : "placeholder task, fails if reached"
            : e.outcome() == ImportEntry.Outcome.LEFT_OUT ? "left out" : "converted");
    if (e.note() != null) {
      s.append(": ").append(e.note());
    }
    if (e.todo() != null) {
      s.append("; to do: ").append(e.todo());
    }
    return s.toString();
  }

  /** The deploy's notes: the counts, then every entry that needs attention. */
  static List<DeployNotes.Note> notes(String source, ImportReport report) {
    List<DeployNotes.Note> notes = new ArrayList<>();
    notes.add(
        new DeployNotes.Note(
            false,
            "imported from SSIS "
                + source
                + ": "
                + counts(report)
                + "; IMPORT.md in the project's archive is the full report"));
    for (ImportEntry e : report.needingAttention()) {
      notes.add(new DeployNotes.Note(e.outcome() != ImportEntry.Outcome.CONVERTED, describe(e)));
    }
    return notes;
  }
}
