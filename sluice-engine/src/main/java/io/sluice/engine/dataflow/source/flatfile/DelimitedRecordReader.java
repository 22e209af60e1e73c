package io.sluice.engine.dataflow.source.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A delimited-file splitter working on raw bytes (delimiters, qualifiers and line ends are ASCII in
 * every supported encoding), so no character is decoded until a field needs it. Records end at LF
 * or CR LF; qualified fields may hold delimiters, line ends and doubled qualifiers.
 */
final class DelimitedRecordReader implements RecordReader {

  private static final int CHUNK = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private final InputStream in;
  private final byte delimiter;
  private final int qualifier;
  private final long delimiters;
  private byte[] buf = new byte[CHUNK];
  private int pos;
  private int limit;
  private boolean eof;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] escaped = new boolean[32];
  private int fields;
  private long line;
  private long nextLine = 1;

  DelimitedRecordReader(InputStream in, byte delimiter, int qualifier) throws IOException {
    this.in = in;
    this.delimiter = delimiter;
    this.qualifier = qualifier;
    this.delimiters = (delimiter & 0xFFL) * 0x0101010101010101L;
    fill();
    // A UTF-8 byte order mark is not data.
    if (limit >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
  }

  @Override
  public boolean next() throws IOException {
    while (true) {
      if (nextInPlace()) {
        return true;
      }
      if (eof) {
        return false; // at the end every record is complete, so nothing is left
      }
      // The record runs past the buffer: keep its start, read more, parse it again.
      compactAndFill();
    }
  }

  @Override
  public boolean nextInPlace() {
    while (pos < limit) {
      int result = parse(pos);
      if (result < 0) {
        return false;
      }
      line = nextLine;
      nextLine += 1 + quotedLineEnds;
      pos = result;
      if (fields == 1 && starts[0] == ends[0] && !escaped[0] && isBlankLine()) {
        continue; // an empty line is not a record
      }
      return true;
    }
    return false;
  }

  private boolean blankLine;
  private int quotedLineEnds;

  private boolean isBlankLine() {
    return blankLine;
  }

  /** Parses one record from {@code from}; returns where the next starts, or -1 if incomplete. */
  private int parse(int from) {
    byte[] b = buf;
    int i = from;
    int n = limit;
    fields = 0;
    blankLine = true;
    quotedLineEnds = 0;
    while (true) {
      int start = i;
      boolean quoted = false;
      boolean doubled = false;
      int end;
      if (qualifier >= 0 && i < n && b[i] == qualifier) {
        quoted = true;
        blankLine = false;
        i++;
        start = i;
        while (true) {
          if (i >= n) {
            return eof ? unterminated(start) : -1;
          }
          if (b[i] == qualifier) {
            if (i + 1 >= n && !eof) {
              return -1;
            }
            if (i + 1 < n && b[i + 1] == qualifier) {
              doubled = true;
              i += 2;
              continue;
            }
            break;
          }
          if (b[i] == '\n') {
            quotedLineEnds++;
          }
          i++;
        }
        end = i;
        i++; // past the closing qualifier; what follows up to the delimiter is ignored
        while (i < n && b[i] != delimiter && b[i] != '\n') {
          i++;
        }
      } else {
        i = fieldEnd(b, i, n);
        end = i;
      }
      if (i >= n && !eof) {
        return -1;
      }
      if (!quoted && end > start && b[end - 1] == '\r' && (i >= n || b[i] == '\n')) {
        end--;
      }
      if (end > start) {
        blankLine = false;
      }
      add(start, end, quoted && doubled);
      if (i >= n) {
        return n; // last record without a line end
      }
      if (b[i] == '\n') {
        return i + 1;
      }
      blankLine = false;
      i++; // past the delimiter
    }
  }

  /**
   * The first delimiter or LF at or after {@code i}, or {@code n}. Looks at eight bytes at a time
   * (SWAR: a byte equal to the one sought becomes zero after XOR, and the classic has-zero-byte
   * test finds it), which is what splitting costs most of its time on.
   */
  private int fieldEnd(byte[] b, int i, int n) {
    while (i + 8 <= n) {
      long word = (long) LONGS.get(b, i);
      long found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ NEWLINES);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      i += 8;
    }
    while (i < n && b[i] != delimiter && b[i] != '\n') {
      i++;
    }
    return i;
  }

  /**
   * A word with the high bit set in the lowest byte of {@code x} that is zero, and no bit set below
   * it: exact for the first zero byte, which is all {@link #fieldEnd} asks.
   */
  private static long zeroBytes(long x) {
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  private int unterminated(int start) {
    add(start, limit, false);
    return limit;
  }

  private void add(int start, int end, boolean doubled) {
    if (fields == starts.length) {
      starts = java.util.Arrays.copyOf(starts, fields * 2);
      ends = java.util.Arrays.copyOf(ends, fields * 2);
      escaped = java.util.Arrays.copyOf(escaped, fields * 2);
    }
    starts[fields] = start;
    ends[fields] = end;
    escaped[fields] = doubled;
    fields++;
  }

  private void compactAndFill() throws IOException {
    int remaining = limit - pos;
    if (pos == 0) {
      // One record larger than the buffer: grow it.
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    } else {
      System.arraycopy(buf, pos, buf, 0, remaining);
    }
    limit = remaining;
    pos = 0;
    fill();
  }

  private void fill() throws IOException {
    while (limit < buf.length) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        eof = true;
        return;
      }
      limit += read;
    }
  }

  @Override
  public int fieldCount() {
    return fields;
  }

  @Override
  public byte[] bytes() {
    return buf;
  }

  @Override
  public int start(int field) {
    return starts[field];
  }

  @Override
  public int end(int field) {
    return ends[field];
  }

  @Override
  public boolean escaped(int field) {
    return escaped[field];
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
