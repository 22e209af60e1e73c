package io.sluice.engine.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of a project by relative path ({@code /}-separated), read from a folder or from an
 * archive. The archive is a zip whose entries are sorted and carry a fixed time, so the same files
 * always pack to the same bytes (and the same checksum in the catalog).
 */
public final class ProjectFiles {

  /** Archives larger than this are refused: a project is definitions, not data. */
  public static final long MAX_ARCHIVE_BYTES = 64L * 1024 * 1024;

  /** Archives with more entries than this are refused (a zip of many empty entries is a bomb). */
  public static final int MAX_ARCHIVE_ENTRIES = 10_000;

  /**
   * A fixed entry time, written as local date-time fields: {@code setTime(long)} converts through
   * the machine's time zone, and zip's very first instant (1980-01-01 00:00) is what Java uses to
   * mean "before 1980" and then adds an extra field holding the zone-dependent instant — either way
   * the same folder would pack to different bytes in Paris and in New York.
   */
  private static final LocalDateTime FIXED_ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** The folder of JDBC driver jars a project may ship (see docs/package-format.md). */
  public static final String LIBRARIES_FOLDER = "lib/";

  private final NavigableMap<String, byte[]> files;

  private ProjectFiles(NavigableMap<String, byte[]> files) {
    this.files = Collections.unmodifiableNavigableMap(files);
  }

  public static ProjectFiles of(Map<String, byte[]> files) {
    return new ProjectFiles(new TreeMap<>(files));
  }

  /** Every regular file below {@code dir}, skipping hidden files and folders. */
  public static ProjectFiles fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ProjectFormatException(
          List.of(new Problem(dir.toString(), 0, 0, "is not a folder")));
    }
    NavigableMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path relative = dir.relativize(file);
        if (isHidden(relative) || !Files.isRegularFile(file)) {
          continue;
        }
        files.put(relative.toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read project folder " + dir + ": " + e.getMessage(), e);
    }
    return new ProjectFiles(files);
  }

  /** The files of a project archive made by {@link #toArchive()}. */
  public static ProjectFiles fromArchive(byte[] archive) {
    if (archive.length > MAX_ARCHIVE_BYTES) {
      throw archiveProblem("is larger than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MiB");
    }
    NavigableMap<String, byte[]> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (!isSafeEntryName(name)) {
          throw archiveProblem(
              "has an unsafe entry name '" + name + "' (absolute, or with '..' or '\\')");
        }
        if (files.size() >= MAX_ARCHIVE_ENTRIES) {
          throw archiveProblem("has more than " + MAX_ARCHIVE_ENTRIES + " files");
        }
        byte[] bytes = zip.readNBytes((int) (MAX_ARCHIVE_BYTES + 1));
        total += bytes.length;
        if (total > MAX_ARCHIVE_BYTES) {
          throw archiveProblem(
              "unpacks to more than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MiB");
        }
        if (files.put(name, bytes) != null) {
          throw archiveProblem("holds '" + name + "' twice");
        }
      }
    } catch (IOException e) {
      throw archiveProblem("is not a readable zip archive (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw archiveProblem("is empty or not a zip archive");
    }
    return new ProjectFiles(files);
  }

  /** The files as a deterministic zip archive. */
  public byte[] toArchive() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTimeLocal(FIXED_ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public Map<String, byte[]> all() {
    return files;
  }

  public byte[] get(String path) {
    return files.get(path);
  }

  /**
   * The files below {@code lib/} by path: the project's JDBC driver jars once the project is valid.
   * A range of the sorted map, so a project without {@code lib/} costs a lookup.
   */
  public Map<String, byte[]> libraries() {
    // '0' is the character after '/': the range holds exactly the paths starting with "lib/"
    return files.subMap(LIBRARIES_FOLDER, true, "lib0", false);
  }

  /** Relative, '/'-separated, no empty, '.' or '..' parts, no drive letter. */
  private static boolean isSafeEntryName(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
      return false;
    }
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Hidden files and folders (.git, .DS_Store) and build output (target) are not project files. */
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static ProjectFormatException archiveProblem(String message) {
    return new ProjectFormatException(
        List.of(new Problem("(archive)", 0, 0, "the archive " + message)));
  }
}
