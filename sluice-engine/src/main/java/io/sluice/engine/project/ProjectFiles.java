package io.sluice.engine.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>Sizes are checked while reading, before anything is parsed: a file or archive over its limit
 * is refused as soon as the limit is passed ({@link ProjectTooLargeException}), and the rest of it
 * is never read. A size a zip entry's header declares refuses early but is never trusted to be the
 * real size: the bytes are counted as they are unpacked.
 */
public final class ProjectFiles {

  /**
   * Archives larger than this, or unpacking to more, are refused: a project is definitions and the
   * JDBC driver jars it needs, not data (the largest common drivers are a few MiB each).
   */
  public static final long MAX_ARCHIVE_BYTES = 64L * 1024 * 1024;

  /**
   * The most a file the parser reads ({@code project.yaml}, every file under {@code packages/}) may
   * hold. A package is definitions: about 50 bytes per column and a few hundred per task, so even a
   * package of 50 data flows of 100 columns each is some 300 KB of YAML (the .dtsx of such a
   * package is several times larger: its XML repeats every column in each component's input, output
   * and external metadata, with lineage ids and layout that a Sluice package does not write). 2 MiB
   * leaves room for more than that. It also bounds the parse, with the longest line (see {@link
   * YamlReader#MAX_LINE_CHARACTERS}). SnakeYAML's own limit is no guard: it counts only what the
   * parser has moved past, so it let 30 MB of comments through whole, and read a 30 MB value to its
   * end before refusing it (five CPU-minutes on the master of issue 11).
   */
  public static final int MAX_YAML_FILE_BYTES = 2 * 1024 * 1024;

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
    long total = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path relative = dir.relativize(file);
        if (isHidden(relative) || !Files.isRegularFile(file)) {
          continue;
        }
        String path = relative.toString().replace('\\', '/');
        long budget = MAX_ARCHIVE_BYTES - total;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
          bytes = Files.size(file) > limit(path, budget) ? null : readAtMost(in, path, budget);
        }
        if (bytes == null) {
          throw tooLarge(
              path,
              budget,
              dir.toString(),
              "holds more than " + mib(MAX_ARCHIVE_BYTES) + " of files");
        }
        total += bytes.length;
        files.put(path, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read project folder " + dir + ": " + e.getMessage(), e);
    }
    return new ProjectFiles(files);
  }

  /**
   * One file that becomes {@code path} in a project (a package file run on its own), refused unread
   * past the limit for that path.
   */
  public static byte[] readFile(Path file, String path) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes =
          Files.size(file) > limit(path, MAX_ARCHIVE_BYTES)
              ? null
              : readAtMost(in, path, MAX_ARCHIVE_BYTES);
      if (bytes == null) {
        throw tooLarge(
            path, MAX_ARCHIVE_BYTES, file.toString(), "is larger than " + mib(MAX_ARCHIVE_BYTES));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The files of a project archive made by {@link #toArchive()}. */
  public static ProjectFiles fromArchive(byte[] archive) {
    if (archive.length > MAX_ARCHIVE_BYTES) {
      throw archiveTooLarge("is larger than " + mib(MAX_ARCHIVE_BYTES));
    }
    return fromArchive(new ByteArrayInputStream(archive));
  }

  /**
   * The files of an archive read from a stream: at most {@link #MAX_ARCHIVE_BYTES} are read from
   * it, and of each entry at most its limit.
   */
  static ProjectFiles fromArchive(InputStream archive) {
    NavigableMap<String, byte[]> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ArchiveLimit(archive))) {
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
        long budget = MAX_ARCHIVE_BYTES - total;
        // The size the entry's header declares (-1 when it has none) refuses at once; it is not
        // trusted to be the real size: readAtMost counts the bytes as they are unpacked.
        byte[] bytes = entry.getSize() > limit(name, budget) ? null : readAtMost(zip, name, budget);
        if (bytes == null) {
          throw tooLarge(
              name,
              budget,
              "(archive)",
              "the archive unpacks to more than " + mib(MAX_ARCHIVE_BYTES));
        }
        total += bytes.length;
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

  /**
   * Writes the files into {@code folder}, creating it (and its parents) when missing: the way a
   * project made in memory (by the SSIS importer, say) becomes a project folder.
   *
   * <p>A folder that already holds files is refused unless {@code replace} is set, so that a typo
   * in a path never overwrites someone's project; hidden entries ({@code .git}) do not count. With
   * {@code replace}, files of the same path are overwritten and the package files under {@code
   * packages/} that are not among these files are deleted (they would otherwise become packages of
   * the project); every other file there stays.
   *
   * @throws ProjectFormatException when {@code folder} is a file, or holds files and {@code
   *     replace} is not set; nothing is written then
   * @throws UncheckedIOException when writing fails
   */
  public void writeTo(Path folder, boolean replace) {
    try {
      if (Files.exists(folder) && !Files.isDirectory(folder)) {
        throw new ProjectFormatException(
            List.of(new Problem(folder.toString(), 0, 0, "is a file, not a folder")),
            "give the path of a new or empty folder");
      }
      if (Files.isDirectory(folder) && !replace && holdsFiles(folder)) {
        throw new ProjectFormatException(
            List.of(
                new Problem(
                    folder.toString(),
                    0,
                    0,
                    "is not empty; writing the project there would overwrite or mix with its"
                        + " files")),
            // no command offers to replace a folder's files, so the hint names none
            "give the path of a new or empty folder, or move this folder's files elsewhere first");
      }
      for (String path : files.keySet()) {
        if (!isSafeEntryName(path)) {
          throw new IllegalArgumentException(
              "cannot write '" + path + "': not a relative path inside the project folder");
        }
      }
      Files.createDirectories(folder);
      if (replace) {
        deleteOtherPackages(folder);
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = folder.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write project folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Whether the folder holds an entry that is not hidden. */
  private static boolean holdsFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.anyMatch(p -> !isHidden(folder.relativize(p)));
    }
  }

  /** Deletes the package files in {@code folder}'s packages/ that these files do not hold. */
  private void deleteOtherPackages(Path folder) throws IOException {
    Path packages = folder.resolve(ProjectParser.PACKAGES_FOLDER);
    if (!Files.isDirectory(packages)) {
      return;
    }
    try (Stream<Path> entries = Files.list(packages)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        String path = ProjectParser.PACKAGES_FOLDER + name;
        if (Files.isRegularFile(p)
            && (name.endsWith(".yaml") || name.endsWith(".yml"))
            && !files.containsKey(path)) {
          Files.delete(p);
        }
      }
    }
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

  /**
   * Whether the parser reads the file at {@code path}: project.yaml and everything under packages/
   * (anything there but a package file is a problem anyway).
   */
  static boolean isParsed(String path) {
    return path.equals(ProjectParser.PROJECT_FILE)
        || path.startsWith(ProjectParser.PACKAGES_FOLDER);
  }

  /** The most the file at {@code path} may hold when {@code budget} bytes of the total are left. */
  private static long limit(String path, long budget) {
    return isParsed(path) ? Math.min(MAX_YAML_FILE_BYTES, budget) : budget;
  }

  /**
   * The bytes of {@code in}, or null once there are more than the file's limit: then at most one
   * byte past the limit has been read, and nothing is kept.
   */
  private static byte[] readAtMost(InputStream in, String path, long budget) throws IOException {
    long limit = limit(path, budget);
    byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    return bytes.length > limit ? null : bytes;
  }

  /**
   * The refusal for a file over its limit: the file's own limit when that is what it passed, else
   * the total's ({@code whole} names the folder or archive, {@code wholeProblem} says what of it).
   */
  private static ProjectTooLargeException tooLarge(
      String path, long budget, String whole, String wholeProblem) {
    if (isParsed(path) && budget >= MAX_YAML_FILE_BYTES) {
      return yamlFileTooLarge(path);
    }
    return new ProjectTooLargeException(new Problem(whole, 0, 0, wholeProblem), WHOLE_HINT);
  }

  /** The refusal of a file the parser reads that is over {@link #MAX_YAML_FILE_BYTES}. */
  static ProjectTooLargeException yamlFileTooLarge(String path) {
    return new ProjectTooLargeException(
        new Problem(
            path,
            0,
            0,
            String.format(
                "is larger than %s (%,d bytes), the most a project or package file may hold",
                mib(MAX_YAML_FILE_BYTES), MAX_YAML_FILE_BYTES)),
        "a package is definitions, not data: split a large package into smaller ones run by"
            + " ExecutePackage tasks, and keep long SQL in files of the project (ExecuteSql"
            + " file:)");
  }

  private static ProjectTooLargeException archiveTooLarge(String message) {
    return new ProjectTooLargeException(
        new Problem("(archive)", 0, 0, "the archive " + message), WHOLE_HINT);
  }

  private static final String WHOLE_HINT =
      "a project holds its definitions and the JDBC driver jars it needs: keep data files out of"
          + " the project folder";

  private static String mib(long bytes) {
    return bytes / (1024 * 1024) + " MiB";
  }

  private static ProjectFormatException archiveProblem(String message) {
    return new ProjectFormatException(
        List.of(new Problem("(archive)", 0, 0, "the archive " + message)));
  }

  /** Refuses, as soon as it is passed, an archive stream longer than {@link #MAX_ARCHIVE_BYTES}. */
  private static final class ArchiveLimit extends FilterInputStream {

    private long read;

    ArchiveLimit(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count((int) skipped);
      return skipped;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_ARCHIVE_BYTES) {
        throw archiveTooLarge("is larger than " + mib(MAX_ARCHIVE_BYTES));
      }
    }
  }
}
