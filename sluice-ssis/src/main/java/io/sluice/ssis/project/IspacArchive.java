package io.sluice.ssis.project;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.xml.SafeXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An {@code .ispac}, the project deployment file Visual Studio builds: a zip (an Open Packaging
 * Conventions package) of {@code @Project.manifest}, the {@code .dtsx} packages, {@code
 * Project.params}, the {@code .conmgr} files and {@code [Content_Types].xml}. Entry names are part
 * URIs, so {@code Package 1.dtsx} is stored as {@code Package%201.dtsx}.
 *
 * <p>Hostile archives: the zip is read by the same code and under the same limits as a Sluice
 * project archive ({@link ProjectFiles#fromArchive}: at most 64 MiB read and unpacked, counted as
 * it unpacks, 10,000 entries, no absolute or {@code ..} names, no name twice), before anything is
 * parsed. Decoded names must still be plain file names. Then the files the importer reads are
 * written to a temporary folder of the user's own (created owner-only, deleted after the import),
 * because the converters read a project's files beside its packages.
 */
final class IspacArchive implements AutoCloseable {

  static final String MANIFEST = "@Project.manifest";

  private final Path ispac;
  private final Path folder;
  private final Map<String, Path> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private IspacArchive(Path ispac, Path folder) {
    this.ispac = ispac;
    this.folder = folder;
  }

  /** Unpacks the .ispac's project files into a new temporary folder. */
  static IspacArchive open(Path ispac) {
    return open(ispac, null);
  }

  /** As {@link #open(Path)}, in {@code temporaryParent} (null: the system's temporary folder). */
  static IspacArchive open(Path ispac, Path temporaryParent) {
    Map<String, byte[]> entries = entries(ispac);
    Path folder;
    try {
      folder =
          temporaryParent == null
              ? Files.createTempDirectory("sluice-ispac-")
              : Files.createTempDirectory(temporaryParent, "sluice-ispac-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    IspacArchive archive = new IspacArchive(ispac, folder);
    try {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        Path file = folder.resolve(e.getKey());
        Files.write(file, e.getValue());
        archive.files.put(e.getKey(), file);
      }
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    return archive;
  }

  /**
   * The project files of the archive by decoded name; the rest ([Content_Types].xml) is skipped.
   */
  private static Map<String, byte[]> entries(Path ispac) {
    ProjectFiles zip;
    try {
      byte[] bytes = ProjectFiles.readFile(ispac, ispac.toAbsolutePath().toString());
      zip = ProjectFiles.fromArchive(bytes);
    } catch (ProjectFormatException e) {
      throw new SsisImportException(
          ispac,
          0,
          "is not a readable .ispac: " + e.problems().get(0).message(),
          "build the project again in Visual Studio (Build), or take the .ispac from where it was"
              + " deployed from; an .ispac is the zip Visual Studio writes");
    } catch (UncheckedIOException e) {
      throw new SsisImportException(
          ispac, 0, "cannot be read: " + e.getMessage(), "check the path and its permissions");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : zip.all().entrySet()) {
      String name = decode(e.getKey());
      if (!ProjectManifest.isPlainFileName(name) || name.indexOf('/') >= 0) {
        throw new SsisImportException(
            ispac,
            0,
            "holds an entry '" + e.getKey() + "' that is not a file name of the project",
            "an .ispac holds the project's files side by side; build it again in Visual Studio");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (name.equals(MANIFEST)
          || lower.endsWith(".dtsx")
          || lower.endsWith(".conmgr")
          || lower.equals("project.params")) {
        if (out.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
          throw new SsisImportException(
              ispac, 0, "holds " + name + " twice", "build the .ispac again in Visual Studio");
        }
        out.put(name, e.getValue());
      }
    }
    return out;
  }

  /** A part URI's name as the manifest writes it: {@code Package%201.dtsx} is Package 1.dtsx. */
  static String decode(String partName) {
    try {
      return URLDecoder.decode(partName.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return partName; // a '%' that is no escape: the name as written
    }
  }

  /** The manifest, read and checked. */
  ProjectManifest manifest() {
    Path file = files.get(MANIFEST);
    if (file == null) {
      throw new SsisImportException(
          ispac,
          0,
          "has no " + MANIFEST + ", so it is not an SSIS project deployment file",
          "give the .ispac that Visual Studio builds (bin/Development/PROJECT.ispac), or the"
              + " project's folder");
    }
    return shown(() -> ProjectManifest.read(shown(file), SafeXml.read(file).getDocumentElement()));
  }

  /** The plan: the manifest's packages, each of which the archive must hold. */
  ImportPlan plan() {
    ProjectManifest manifest = manifest();
    List<Path> packages = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : manifest.packages()) {
      Path file = files.get(name);
      if (file == null) {
        missing.add(name);
      } else {
        packages.add(file);
      }
    }
    if (!missing.isEmpty()) {
      throw new SsisImportException(
          ispac,
          0,
          "its manifest names the package"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + ", which the archive does not hold",
          "build the .ispac again in Visual Studio (Build), or take it from where it was"
              + " deployed from: an .ispac holds every package of its project");
    }
    if (packages.isEmpty()) {
      throw new SsisImportException(
          ispac,
          0,
          "its manifest lists no package",
          "build the .ispac again in Visual Studio from a project that has packages");
    }
    String stem = ProjectFolder.fileName(ispac).replaceFirst("(?i)\\.ispac$", "");
    String name = manifest.name() == null ? stem : manifest.name();
    return new ImportPlan(
        ProjectFolder.projectName(name), packages, ProjectFolder.fileName(ispac), List.of());
  }

  /**
   * Runs {@code work}, naming the archive's file ({@code Project.ispac/Load.dtsx}) instead of the
   * temporary one in an error.
   */
  <T> T shown(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (SsisImportException e) {
      Path file = e.file();
      if (file == null || !file.toAbsolutePath().startsWith(folder)) {
        throw e;
      }
      throw new SsisImportException(shown(file), e.line(), e.problem(), e.hint());
    }
  }

  /** {@code Project.ispac/Load.dtsx} for the unpacked {@code Load.dtsx}. */
  Path shown(Path unpacked) {
    return ispac.resolve(unpacked.getFileName().toString());
  }

  /** The temporary folder's path as written in texts, to be replaced by the archive's. */
  String folderText() {
    return folder.toString();
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is no reason to fail the import
    }
  }
}
