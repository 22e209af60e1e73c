package io.sluice.ssis;

import io.sluice.engine.project.ObjectNames;
import io.sluice.ssis.convert.ProjectImport;
import io.sluice.ssis.project.SsisSources;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports SSIS packages into Sluice's project model. A file that cannot be read as an SSIS package
 * throws {@link SsisImportException} (file and line); everything else that cannot be converted is
 * in the {@link ImportResult#report()}, never dropped.
 */
public final class SsisImporter {

  private SsisImporter() {}

  /**
   * Whatever form of SSIS source {@code source} is: one .dtsx (as {@link #importPackage}), an SSIS
   * project folder or its .dtproj (the packages the project lists, in its order; a folder without
   * .dtproj: all its .dtsx files), or an .ispac archive. A project's packages become one Sluice
   * project named after the SSIS project, so Execute Package tasks between them convert.
   */
  public static ImportResult importSource(Path source) {
    return importSource(source, ImportOptions.DEFAULT);
  }

  /** {@link #importSource(Path)} with {@code options} (the SQL dialect). */
  public static ImportResult importSource(Path source, ImportOptions options) {
    return SsisSources.importSource(source, options);
  }

  /** One .dtsx into a project of one package, both named after the file. */
  public static ImportResult importPackage(Path dtsx) {
    return importPackage(dtsx, ImportOptions.DEFAULT);
  }

  /** One .dtsx, with {@code options} (the SQL dialect). */
  public static ImportResult importPackage(Path dtsx, ImportOptions options) {
    String name = packageName(dtsx);
    return importPackages(name, List.of(dtsx), dtsx.getFileName().toString(), options);
  }

  /**
   * Several .dtsx files of one SSIS project into one Sluice project, so that Execute Package tasks
   * between them are converted.
   *
   * @param source what the user named, for the report
   */
  public static ImportResult importPackages(String projectName, List<Path> files, String source) {
    return importPackages(projectName, files, source, ImportOptions.DEFAULT);
  }

  public static ImportResult importPackages(
      String projectName, List<Path> files, String source, ImportOptions options) {
    return ProjectImport.run(projectName, files, source, options);
  }

  /** The Sluice package name of {@code Load.dtsx}: {@code Load}, as SSIS names packages. */
  public static String packageName(Path dtsx) {
    String file = dtsx.getFileName().toString();
    String name =
        file.toLowerCase(java.util.Locale.ROOT).endsWith(".dtsx")
            ? file.substring(0, file.length() - 5)
            : file;
    return ObjectNames.problem("package", name).isPresent()
        ? name.replaceAll("[\"<>|@]", "_")
        : name;
  }
}
