package io.sluice.ssis;

import io.sluice.engine.project.DeployNotes;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SSIS source imported into the files of the Sluice project it makes: the YAML, IMPORT.md (the full
 * report) and the Script tasks' sources kept for porting. What {@code sluice import ssis} writes,
 * what {@code sluice run} and {@code sluice catalog deploy} run or deploy from an SSIS file, and
 * what a master's isolated import of an uploaded .ispac sends back: one import, so the three cannot
 * differ.
 *
 * @param source what was imported, as the user named it
 */
public record ImportedProject(String source, ImportResult result, ProjectFiles files) {

  /** Imports {@code source} (.dtsx, .dtproj, .ispac or an SSIS project folder). */
  public static ImportedProject of(Path source, ImportOptions options) {
    return of(source, source.toString(), options);
  }

  /** {@link #of(Path, ImportOptions)} naming the source {@code name} in the notes and report. */
  public static ImportedProject of(Path source, String name, ImportOptions options) {
    ImportResult result = SsisImporter.importSource(source, options);
    ProjectFiles project = ProjectWriter.write(result.project());
    // IMPORT.md travels with the project (a project folder may hold any other file).
    Map<String, byte[]> files = new LinkedHashMap<>(project.all());
    files.put(
        "IMPORT.md", ImportReportMarkdown.render(result.report()).getBytes(StandardCharsets.UTF_8));
    // Script sources (scripts/...) too, for porting: the engine never reads them
    result
        .sideFiles()
        .forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new ImportedProject(name, result, ProjectFiles.of(files));
  }

  /** The files plus the import's findings as {@link DeployNotes}, for a deploy. */
  public ProjectFiles withDeployNotes() {
    Map<String, byte[]> all = new LinkedHashMap<>(files.all());
    all.put(DeployNotes.PATH, DeployNotes.write(notes()));
    return ProjectFiles.of(all);
  }

  /** The deploy's notes: the counts, then every entry that needs attention. */
  List<DeployNotes.Note> notes() {
    ImportReport report = result.report();
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

  /** {@code Load \Package\Send mail (Microsoft.SendMailTask): placeholder: why; to do: todo}. */
  public static String describe(ImportEntry e) {
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
}
