package io.sluice.engine.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * Checks the project's {@code lib/} folder: JDBC driver jars directly in it, nothing else. A
 * corrupt jar is refused when the project is packed or deployed, not when a worker first tries to
 * connect through it in the middle of the night.
 */
final class LibraryCheck {

  private LibraryCheck() {}

  static void check(ProjectFiles files, List<Problem> problems) {
    for (Map.Entry<String, byte[]> file : files.libraries().entrySet()) {
      String path = file.getKey();
      String name = path.substring(ProjectFiles.LIBRARIES_FOLDER.length());
      if (name.contains("/") || !name.endsWith(".jar")) {
        problems.add(
            new Problem(
                path,
                0,
                0,
                "lib/ holds only JDBC driver jars (lib/NAME.jar, no sub-folders); move this file"
                    + " out of lib/"));
        continue;
      }
      String unreadable = whyUnreadable(file.getValue());
      if (unreadable != null) {
        problems.add(
            new Problem(
                path,
                0,
                0,
                "is not a readable jar ("
                    + unreadable
                    + "); replace it with the driver's jar as its vendor publishes it"));
      }
    }
  }

  /**
   * Reads every entry to the end ({@link ZipInputStream} checks each one's CRC and size, so damaged
   * data fails), then checks that the zip's central directory — its table of contents at the very
   * end, which is what a class loader reads — is there and lists as many entries: a download cut
   * short between two entries passes the first check but not this one.
   */
  private static String whyUnreadable(byte[] jar) {
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      while (in.getNextEntry() != null) {
        in.transferTo(OutputStream.nullOutputStream());
        entries++;
      }
    } catch (IOException | RuntimeException e) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
    if (entries == 0) {
      return "no entries: it is not a zip archive, or it is empty";
    }
    int end = endOfCentralDirectory(jar);
    if (end < 0) {
      return "its central directory is missing: the file is cut short";
    }
    ByteBuffer record = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
    int listed = record.getShort(end + 10) & 0xFFFF;
    long directorySize = record.getInt(end + 12) & 0xFFFFFFFFL;
    long directoryOffset = record.getInt(end + 16) & 0xFFFFFFFFL;
    boolean zip64 = listed == 0xFFFF || directoryOffset == 0xFFFFFFFFL;
    if (!zip64 && (listed != entries || directoryOffset + directorySize != end)) {
      return "its central directory does not match its "
          + entries
          + " entries: the file is damaged or cut short";
    }
    return null;
  }

  /** Where the "end of central directory" record starts, searched from the end; -1 if absent. */
  private static int endOfCentralDirectory(byte[] zip) {
    int minimum = 22; // the record without its trailing comment (at most 65,535 bytes)
    for (int at = zip.length - minimum; at >= Math.max(0, zip.length - minimum - 0xFFFF); at--) {
      if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
        return at;
      }
    }
    return -1;
  }
}
