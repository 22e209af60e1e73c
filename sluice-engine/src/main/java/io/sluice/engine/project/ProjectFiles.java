package io.sluice.engine.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

  private static final long FIXED_ENTRY_TIME = 315532800000L; // 1980-01-01, zip's earliest

  private final Map<String, byte[]> files;

  private ProjectFiles(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(files);
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
    Map<String, byte[]> files = new TreeMap<>();
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
    Map<String, byte[]> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw archiveProblem("has an unsafe entry name '" + name + "'");
        }
        byte[] bytes = zip.readNBytes((int) (MAX_ARCHIVE_BYTES + 1));
        total += bytes.length;
        if (total > MAX_ARCHIVE_BYTES) {
          throw archiveProblem(
              "unpacks to more than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MiB");
        }
        files.put(name, bytes);
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
        entry.setTime(FIXED_ENTRY_TIME);
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
