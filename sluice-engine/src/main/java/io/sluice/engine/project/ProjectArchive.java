package io.sluice.engine.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Project archives ({@code .spac}, a zip of the project folder): what {@code sluice project pack}
 * writes, what {@code deploy} sends and what the catalog stores for every version.
 */
public final class ProjectArchive {

  public static final String EXTENSION = ".spac";

  private ProjectArchive() {}

  /** Validates the project in {@code dir} and returns it packed as archive bytes. */
  public static byte[] pack(Path dir) {
    ProjectFiles files = ProjectFiles.fromDirectory(dir);
    ProjectParser.parse(files);
    return files.toArchive();
  }

  /** Validates and parses the project in archive bytes. */
  public static Project read(byte[] archive) {
    return ProjectParser.parse(ProjectFiles.fromArchive(archive));
  }

  /** Archive bytes from a project folder (packed) or an archive file (read as is, validated). */
  public static byte[] fromPath(Path folderOrArchive) {
    if (Files.isDirectory(folderOrArchive)) {
      return pack(folderOrArchive);
    }
    byte[] bytes = readFile(folderOrArchive);
    read(bytes); // validate before anyone stores or sends it
    return bytes;
  }

  /** Parses a project from a folder or an archive file. */
  public static Project load(Path folderOrArchive) {
    if (Files.isDirectory(folderOrArchive)) {
      return ProjectParser.parse(ProjectFiles.fromDirectory(folderOrArchive));
    }
    return read(readFile(folderOrArchive));
  }

  /**
   * The bytes of an archive file, refused before reading when it is larger than an archive may be
   * (and unread past that limit if it grows meanwhile).
   */
  public static byte[] readFile(Path archive) {
    requireFile(archive);
    // an absolute path: never one of the files the parser reads, so the archive's own limit applies
    return ProjectFiles.readFile(archive, archive.toAbsolutePath().toString());
  }

  /** The SHA-256 of archive bytes in lower-case hex: the checksum the catalog and CLI show. */
  public static String sha256(byte[] archive) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void requireFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ProjectFormatException(
          List.of(
              new Problem(
                  path.toString(),
                  0,
                  0,
                  "does not exist; give a project folder (with project.yaml) or a "
                      + EXTENSION
                      + " archive")));
    }
  }
}
