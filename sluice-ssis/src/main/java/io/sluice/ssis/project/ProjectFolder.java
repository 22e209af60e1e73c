package io.sluice.ssis.project;

import io.sluice.engine.project.ObjectNames;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import io.sluice.ssis.xml.SafeXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * An SSIS project folder as Visual Studio keeps it: a {@code .dtproj}, its {@code .dtsx} packages,
 * {@code Project.params} and {@code *.conmgr} beside it. The .dtproj's manifest says which packages
 * belong to the project and in which order; a folder without one is read as all its {@code .dtsx}
 * files, by name.
 *
 * <p>A package the .dtproj names whose file is missing does not stop the import: Visual Studio also
 * opens such a project (it marks the package as missing) and runs its other packages, and projects
 * taken from source control often lack a package or two (four of the sixteen of the CrimeStat
 * corpus project). The missing file is reported, and an Execute Package task that runs it stays a
 * placeholder. Only a project none of whose packages is there is refused.
 */
final class ProjectFolder {

  private ProjectFolder() {}

  /** The plan for a folder, or for the .dtproj {@code source} names. */
  static ImportPlan plan(Path source) {
    Path folder;
    Path dtproj;
    if (Files.isDirectory(source)) {
      folder = source;
      List<Path> projects = files(folder, ".dtproj");
      if (projects.size() > 1) {
        throw new SsisImportException(
            source,
            0,
            "holds "
                + projects.size()
                + " SSIS projects ("
                + String.join(", ", projects.stream().map(ProjectFolder::fileName).toList())
                + ")",
            "name the .dtproj instead of the folder, e.g. " + projects.get(0));
      }
      dtproj = projects.isEmpty() ? null : projects.get(0);
    } else {
      dtproj = source;
      folder = source.toAbsolutePath().getParent();
    }
    return dtproj == null ? plainFolder(folder, source) : project(folder, dtproj, source);
  }

  private static ImportPlan plainFolder(Path folder, Path source) {
    List<Path> packages = files(folder, ".dtsx");
    if (packages.isEmpty()) {
      throw new SsisImportException(
          source,
          0,
          "holds no SSIS package (.dtsx) and no SSIS project (.dtproj)" + projectsBelow(folder),
          "give the folder that holds the project's .dtproj and .dtsx files, a .dtsx file or an"
              + " .ispac archive");
    }
    return new ImportPlan(
        projectName(fileName(folder.toAbsolutePath().normalize())),
        packages,
        fileName(source),
        List.of());
  }

  private static ImportPlan project(Path folder, Path dtproj, Path source) {
    Element root = SafeXml.read(dtproj).getDocumentElement();
    if (!"Project".equals(root.getLocalName())) {
      throw new SsisImportException(
          dtproj,
          SafeXml.line(root),
          "is not an SSIS project file: its root element is <" + root.getNodeName() + ">",
          "give the .dtproj that Visual Studio (SSDT) saved with the project");
    }
    Optional<Element> manifestElement = ProjectManifest.inDtproj(root);
    List<ImportEntry> entries = new ArrayList<>();
    if (manifestElement.isEmpty()) {
      // The package deployment model: no manifest, the packages are the folder's .dtsx files.
      ImportPlan plain = plainFolder(folder, source);
      entries.add(
          new ImportEntry(
              null,
              "\\Project",
              ElementKind.PROPERTY,
              "package deployment model",
              Outcome.CONVERTED,
              fileName(dtproj)
                  + " has no project manifest (a project of the package deployment model): every"
                  + " .dtsx of its folder was imported",
              null));
      return new ImportPlan(plain.projectName(), plain.packages(), plain.source(), entries);
    }
    ProjectManifest manifest = ProjectManifest.read(dtproj, manifestElement.get());
    String stem = fileName(dtproj).replaceFirst("(?i)\\.dtproj$", "");
    List<Path> packages = new ArrayList<>();
    Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : manifest.packages()) {
      named.add(name);
      Path file = ProjectManifest.isPlainFileName(name) ? folder.resolve(name) : null;
      if (file != null && Files.isRegularFile(file)) {
        packages.add(file);
      } else {
        entries.add(
            new ImportEntry(
                null,
                "\\Project.Packages[" + name + "]",
                ElementKind.PROPERTY,
                "package",
                Outcome.LEFT_OUT,
                file == null
                    ? fileName(dtproj)
                        + " names the package "
                        + name
                        + ", which is not a file name"
                        + " of the project's folder; not followed"
                    : fileName(dtproj)
                        + " names the package "
                        + name
                        + ", but the file is not in the folder",
                "put "
                    + name
                    + " into the folder (take it from source control) and import again;"
                    + " an Execute Package task that runs it is a placeholder until then"));
      }
    }
    for (String name : manifest.connectionManagers()) {
      if (!ProjectManifest.isPlainFileName(name) || !Files.isRegularFile(folder.resolve(name))) {
        entries.add(
            new ImportEntry(
                null,
                "\\Project.ConnectionManagers[" + name + "]",
                ElementKind.CONNECTION,
                "project connection manager",
                Outcome.LEFT_OUT,
                fileName(dtproj) + " names " + name + ", but the file is not in the folder",
                "put "
                    + name
                    + " into the folder and import again, or declare the connection"
                    + " in project.yaml"));
      }
    }
    for (Path other : files(folder, ".dtsx")) {
      if (!named.contains(fileName(other))) {
        entries.add(
            new ImportEntry(
                null,
                "\\Project.Packages[" + fileName(other) + "]",
                ElementKind.PROPERTY,
                "package",
                Outcome.LEFT_OUT,
                fileName(other)
                    + " is in the folder but not part of the project ("
                    + fileName(dtproj)
                    + "), so it was not imported",
                "add it to the project in Visual Studio, or import it on its own: sluice import"
                    + " ssis "
                    + fileName(other)
                    + " --to DIR"));
      }
    }
    if (packages.isEmpty()) {
      throw new SsisImportException(
          dtproj,
          0,
          manifest.packages().isEmpty()
              ? "lists no package"
              : "lists "
                  + manifest.packages().size()
                  + " packages ("
                  + String.join(", ", manifest.packages().stream().limit(5).toList())
                  + (manifest.packages().size() > 5 ? ", ..." : "")
                  + "), and none of their files is in the folder",
          "take the project's .dtsx files from source control into "
              + folder
              + ", or import the .ispac that Visual Studio builds");
    }
    String name = manifest.name() == null ? stem : manifest.name();
    return new ImportPlan(projectName(name), packages, fileName(source), entries);
  }

  /** A Sluice project name from an SSIS one: the characters Sluice refuses become '_'. */
  static String projectName(String name) {
    return ObjectNames.problem("project", name).isPresent()
        ? name.replaceAll("[\"<>|@]", "_")
        : name;
  }

  /** The files of {@code folder} (not below it) ending in {@code extension}, by name. */
  static List<Path> files(Path folder, String extension) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(
              f ->
                  Files.isRegularFile(f)
                      && fileName(f).toLowerCase(Locale.ROOT).endsWith(extension))
          .sorted(Comparator.comparing(f -> fileName(f).toLowerCase(Locale.ROOT)))
          .toList();
    } catch (IOException e) {
      throw new SsisImportException(
          folder, 0, "cannot be read: " + e.getMessage(), "check the path and its permissions");
    }
  }

  /** ", but X and Y below it do" when .dtproj files are a few levels down: a hint for the user. */
  private static String projectsBelow(Path folder) {
    try (Stream<Path> walk = Files.walk(folder, 4)) {
      List<String> found =
          walk.filter(f -> fileName(f).toLowerCase(Locale.ROOT).endsWith(".dtproj"))
              .limit(3)
              .map(f -> folder.relativize(f).toString())
              .toList();
      return found.isEmpty() ? "" : "; projects below it: " + String.join(", ", found);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String fileName(Path p) {
    Path name = p.getFileName();
    return name == null ? p.toString() : name.toString();
  }
}
