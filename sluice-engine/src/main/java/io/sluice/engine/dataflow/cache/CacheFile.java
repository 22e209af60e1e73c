package io.sluice.engine.dataflow.cache;

import io.sluice.engine.dataflow.spill.SpillCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A cache connection's rows kept in a file for later packages (SSIS's .caw file, in a format of
 * Sluice's own). Layout, version 1: the magic {@code SLUICECACHE}, the version as an int, the
 * columns as one UTF line ({@link CacheColumns#describe()}), the row count as a long, then the rows
 * in the engine's spill encoding ({@link SpillCodec}: a tag byte per value, then the value). The
 * header lets a reader refuse a file written for other columns instead of misreading it; the file
 * is written beside its final name and moved there, so a failed run leaves the previous file.
 */
final class CacheFile {

  private static final byte[] MAGIC =
      "SLUICECACHE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private CacheFile() {}

  static void write(Path file, CacheColumns columns, List<Object[]> rows) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(columns.describe());
        out.writeLong(rows.size());
        for (Object[] row : rows) {
          SpillCodec.writeRow(out, row);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the cache file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's rows; a file of another format, version or columns is refused, saying which. */
  static List<Object[]> read(Path file, CacheColumns columns) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IllegalStateException(
            "the cache file "
                + file
                + " is not a Sluice cache file (an SSIS .caw file cannot be"
                + " read: fill the cache with a Cache Transform)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalStateException(
            "the cache file "
                + file
                + " has version "
                + version
                + "; this Sluice reads "
                + VERSION);
      }
      String written = in.readUTF();
      if (!written.equals(columns.describe())) {
        throw new IllegalStateException(
            "the cache file "
                + file
                + " holds columns ["
                + written
                + "] but the connection has ["
                + columns.describe()
                + "]; run the package that fills it again");
      }
      long count = in.readLong();
      List<Object[]> rows = new ArrayList<>((int) Math.min(count, 1 << 20));
      for (long r = 0; r < count; r++) {
        rows.add(SpillCodec.readRow(in, columns.schema().width()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cache file " + file + ": " + e, e);
    }
  }
}
