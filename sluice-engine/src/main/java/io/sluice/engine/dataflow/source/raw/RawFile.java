package io.sluice.engine.dataflow.source.raw;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.spill.SpillCodec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sluice's raw file format (SSIS's Raw File, for staging rows between packages): the columns with
 * their exact SSIS types, then the rows in column-batched blocks, each value in the spill codec's
 * tagged form, so a value reads back as the very Java value that was written.
 *
 * <pre>
 * header: "SLUICERAW" (9 bytes ASCII), version (int, 1), column count (int),
 *         per column: name (modified UTF-8), type as in a cast (modified UTF-8, e.g. "DT_WSTR,50")
 * block:  'B' (1 byte), row count n (int), byte length (int), then column 0's n values,
 *         column 1's n values ...
 * end:    the end of the file (Append adds blocks after the last one)
 * </pre>
 *
 * Columns in blocks rather than rows: a reader fills its buffer's column arrays in one pass each,
 * and a block is exactly one buffer the destination received.
 */
public final class RawFile {

  private static final byte[] MAGIC = "SLUICERAW".getBytes(StandardCharsets.US_ASCII);
  public static final int VERSION = 1;
  private static final int BLOCK = 'B';
  static final int IO_BUFFER = 1 << 16;

  /** More columns than any flow has: a header claiming more is damaged. */
  private static final int MAX_COLUMNS = 65_536;

  private RawFile() {}

  /**
   * The file a Raw File component names: {@code file} (a path) or {@code connection} (a {@code
   * file} connection holding it), SSIS's AccessMode "File name".
   */
  public static Path path(Settings settings, DataFlowEnvironment environment) {
    if (settings.has("file") == settings.has("connection")) {
      throw new PlanningException(
          "give either 'file' (a path) or 'connection' (a file connection), not "
              + (settings.has("file") ? "both" : "neither"));
    }
    if (settings.has("file")) {
      return Path.of(settings.string("file"));
    }
    String name = settings.string("connection");
    return environment
        .file(name)
        .orElseThrow(
            () -> new PlanningException("connection '" + name + "' is not a file connection"));
  }

  public static void writeHeader(DataOutputStream out, List<Column> columns) throws IOException {
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(columns.size());
    for (Column c : columns) {
      out.writeUTF(c.name());
      out.writeUTF(c.type().toString());
    }
  }

  /** Reads a header, or fails naming the file when it is no raw file or one of another version. */
  public static List<Column> readHeader(DataInputStream in, Path file) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    int read = in.readNBytes(magic, 0, magic.length);
    if (read < magic.length || !Arrays.equals(magic, MAGIC)) {
      throw new IOException(
          "'"
              + file
              + "' is not a Sluice raw file (it does not start with SLUICERAW); hint: point the"
              + " component at a file a RawFileDestination wrote");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(
          "'"
              + file
              + "' is a raw file of format version "
              + version
              + ", this Sluice reads version "
              + VERSION
              + "; hint: write it again with this version's RawFileDestination");
    }
    int count = in.readInt();
    if (count < 0 || count > MAX_COLUMNS) {
      throw new IOException("raw file '" + file + "' is damaged (" + count + " columns)");
    }
    List<Column> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      String type = in.readUTF();
      columns.add(new Column(name, DataTypes.parse(type, "raw file '" + file + "'")));
    }
    return columns;
  }

  /** Reads the header of a file at plan time, with the file named in any failure. */
  public static List<Column> columns(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PlanningException(
          "raw file '"
              + file
              + "' does not exist; hint: run the package that writes it first, or set"
              + " delayValidation: true when an earlier task of this package writes it");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
      return readHeader(in, file);
    } catch (EOFException e) {
      throw new PlanningException("raw file '" + file + "' is cut short in its header");
    } catch (IOException e) {
      throw new PlanningException(e.getMessage(), e);
    }
  }

  /**
   * Writes the rows of a buffer as one block, taking the given columns of the buffer; {@code
   * scratch} is reused between blocks.
   */
  public static void writeBlock(
      DataOutputStream out, Buffer buffer, int[] sources, BlockBytes scratch) throws IOException {
    int n = buffer.size();
    scratch.reset();
    DataOutputStream block = scratch.data();
    for (int source : sources) {
      for (int i = 0; i < n; i++) {
        SpillCodec.write(block, buffer.value(source, buffer.row(i)));
      }
    }
    out.writeByte(BLOCK);
    out.writeInt(n);
    out.writeInt(scratch.size());
    scratch.writeTo(out);
  }

  /**
   * Reads the next block into new column arrays, or null at the end of the file. A file that ends
   * inside a block fails: it was cut short (a writer that died).
   */
  public static Object[][] readBlock(
      DataInputStream in, int width, Path file, SpillCodec.TextDecoder[] text) throws IOException {
    int marker = in.read();
    if (marker < 0) {
      return null;
    }
    if (marker != BLOCK) {
      throw new IOException("raw file '" + file + "' is damaged (no block where one should start)");
    }
    try {
      int n = in.readInt();
      int length = in.readInt();
      // Lengths are checked against the file before anything is allocated: a damaged or crafted
      // file fails here rather than asking for gigabytes.
      if (n < 0 || length < 0 || length > Files.size(file) || (long) n * width > length) {
        throw new IOException(
            "raw file '"
                + file
                + "' is damaged (a block of "
                + n
                + " rows in "
                + length
                + " bytes)");
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      ByteBuffer block = ByteBuffer.wrap(bytes);
      Object[][] columns = new Object[width][n];
      for (int c = 0; c < width; c++) {
        Object[] values = columns[c];
        SpillCodec.TextDecoder decoder = text[c];
        for (int i = 0; i < n; i++) {
          values[i] = SpillCodec.read(block, decoder);
        }
      }
      return columns;
    } catch (EOFException | BufferUnderflowException e) {
      throw new IOException(
          "raw file '" + file + "' is cut short inside a block; hint: write it again", e);
    }
  }

  /** The text decoders of a file's columns, one cache each. */
  public static SpillCodec.TextDecoder[] textDecoders(int width) {
    SpillCodec.TextDecoder[] decoders = new SpillCodec.TextDecoder[width];
    for (int c = 0; c < width; c++) {
      decoders[c] = new TextCache();
    }
    return decoders;
  }

  /** A block's bytes while it is encoded: an unsynchronized growable array. */
  public static final class BlockBytes extends OutputStream {
    private byte[] bytes = new byte[1 << 16];
    private int size;
    private final DataOutputStream data = new DataOutputStream(this);

    DataOutputStream data() {
      return data;
    }

    void reset() {
      size = 0;
    }

    int size() {
      return size;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, size);
    }

    @Override
    public void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + len));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }
  }
}
