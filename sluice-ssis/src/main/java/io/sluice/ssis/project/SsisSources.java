package io.sluice.ssis.project;

import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.convert.ProjectImport;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user may name as the source of an import: one {@code .dtsx}, an SSIS project folder (or
 * its {@code .dtproj}), or an {@code .ispac}. Every form ends in the same conversion ({@link
 * ProjectImport}) over a list of package files, so a package converts the same whichever form it
 * came in.
 */
public final class SsisSources {

  private SsisSources() {}

  /** Whether {@code path} names a form of SSIS source by its extension (or is a folder). */
  public static boolean looksLikeSsis(Path path) {
    String name = ProjectFolder.fileName(path).toLowerCase(Locale.ROOT);
    return name.endsWith(".dtsx") || name.endsWith(".ispac") || name.endsWith(".dtproj");
  }

  /**
   * Whether a folder is an SSIS project folder: it holds a .dtproj or .dtsx files (and is not a
   * Sluice project, which the caller checks first).
   */
  public static boolean isSsisFolder(Path folder) {
    try {
      return Files.isDirectory(folder)
          && (!ProjectFolder.files(folder, ".dtproj").isEmpty()
              || !ProjectFolder.files(folder, ".dtsx").isEmpty());
    } catch (SsisImportException unreadable) {
      return false; // the caller reads it as a Sluice project and says what is wrong
    }
  }

  public static ImportResult importSource(Path source, ImportOptions options) {
    if (Files.isDirectory(source)) {
      return run(ProjectFolder.plan(source), options);
    }
    if (!Files.isRegularFile(source)) {
      throw new SsisImportException(
          source,
          0,
          "does not exist",
          "give an SSIS package (.dtsx), an SSIS project folder or .dtproj, or an .ispac");
    }
    String name = ProjectFolder.fileName(source).toLowerCase(Locale.ROOT);
    if (name.endsWith(".dtsx")) {
      return SsisImporter.importPackage(source, options);
    }
    if (name.endsWith(".dtproj")) {
      return run(ProjectFolder.plan(source), options);
    }
    if (name.endsWith(".ispac")) {
      try (IspacArchive archive = IspacArchive.open(source)) {
        ImportResult result = archive.shown(() -> run(archive.plan(), options));
        return withoutTemporaryPaths(result, archive.folderText(), source.toString());
      }
    }
    throw new SsisImportException(
        source,
        0,
        "is not an SSIS package (.dtsx), project (.dtproj) or project deployment file (.ispac)",
        "give one of those, or the folder of an SSIS project");
  }

  private static ImportResult run(ImportPlan plan, ImportOptions options) {
    ImportResult result =
        ProjectImport.run(plan.projectName(), plan.packages(), plan.source(), options);
    if (plan.projectEntries().isEmpty()) {
      return result;
    }
    List<ImportEntry> entries = new ArrayList<>(plan.projectEntries());
    entries.addAll(result.report().entries());
    return new ImportResult(
        result.project(), new ImportReport(plan.source(), entries), result.sideFiles());
  }

  /**
   * A report that names {@code Project.ispac/X.conmgr}, not the temporary folder it was read in.
   */
  private static ImportResult withoutTemporaryPaths(
      ImportResult result, String temporary, String shown) {
    List<ImportEntry> entries =
        result.report().entries().stream()
            .map(
                e ->
                    new ImportEntry(
                        e.packageName(),
                        e.path(),
                        e.kind(),
                        e.ssisType(),
                        e.outcome(),
                        replace(e.note(), temporary, shown),
                        replace(e.todo(), temporary, shown)))
            .toList();
    return new ImportResult(
        result.project(), new ImportReport(result.report().source(), entries), result.sideFiles());
  }

  private static String replace(String text, String temporary, String shown) {
    return text == null ? null : text.replace(temporary, shown);
  }
}
