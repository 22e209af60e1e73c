package io.sluice.engine.dataflow.spill;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads rows of data-flow values in spill files: a tag byte, then the value. */
public final class SpillCodec {

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int DOUBLE = 4;
  private static final int DECIMAL_SMALL = 5;
  private static final int DECIMAL = 6;
  private static final int DATE = 7;
  private static final int DATETIME = 8;
  private static final int BOOLEAN = 9;
  private static final int SHORT = 10;
  private static final int BYTE = 11;
  private static final int FLOAT = 12;
  private static final int BIGINT = 13;
  private static final int BYTES = 14;
  private static final int GUID = 15;
  private static final int TIME = 16;
  private static final int OFFSET = 17;

  private SpillCodec() {}

  public static void writeRow(DataOutputStream out, Object[] row) throws IOException {
    for (Object v : row) {
      write(out, v);
    }
  }

  public static Object[] readRow(DataInputStream in, int width) throws IOException {
    Object[] row = new Object[width];
    for (int i = 0; i < width; i++) {
      row[i] = read(in);
    }
    return row;
  }

  /** One value: its tag byte, then the value (the raw file format writes columns with it too). */
  public static void write(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof BigDecimal d) {
      if (d.precision() < 18) {
        out.writeByte(DECIMAL_SMALL);
        out.writeLong(d.unscaledValue().longValue());
      } else {
        out.writeByte(DECIMAL);
        byte[] b = d.unscaledValue().toByteArray();
        out.writeInt(b.length);
        out.write(b);
      }
      out.writeInt(d.scale());
    } else if (v instanceof LocalDate d) {
      out.writeByte(DATE);
      out.writeLong(d.toEpochDay());
    } else if (v instanceof LocalDateTime t) {
      out.writeByte(DATETIME);
      out.writeLong(t.toLocalDate().toEpochDay());
      out.writeLong(t.toLocalTime().toNanoOfDay());
    } else if (v instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (v instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (v instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (v instanceof BigInteger i) {
      out.writeByte(BIGINT);
      byte[] b = i.toByteArray();
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTES);
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof UUID u) {
      out.writeByte(GUID);
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (v instanceof LocalTime t) {
      out.writeByte(TIME);
      out.writeLong(t.toNanoOfDay());
    } else if (v instanceof OffsetDateTime t) {
      out.writeByte(OFFSET);
      out.writeLong(t.toLocalDate().toEpochDay());
      out.writeLong(t.toLocalTime().toNanoOfDay());
      out.writeInt(t.getOffset().getTotalSeconds());
    } else {
      throw new IOException("cannot spill a " + v.getClass().getName());
    }
  }

  /** One value written by {@link #write}. */
  public static Object read(DataInputStream in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> new String(bytes(in), StandardCharsets.UTF_8);
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case DECIMAL_SMALL -> {
        long unscaled = in.readLong();
        yield BigDecimal.valueOf(unscaled, in.readInt());
      }
      case DECIMAL -> {
        BigInteger unscaled = new BigInteger(bytes(in));
        yield new BigDecimal(unscaled, in.readInt());
      }
      case DATE -> LocalDate.ofEpochDay(in.readLong());
      case DATETIME -> {
        LocalDate d = LocalDate.ofEpochDay(in.readLong());
        yield LocalDateTime.of(d, LocalTime.ofNanoOfDay(in.readLong()));
      }
      case BOOLEAN -> in.readBoolean();
      case SHORT -> in.readShort();
      case BYTE -> in.readByte();
      case FLOAT -> in.readFloat();
      case BIGINT -> new BigInteger(bytes(in));
      case BYTES -> bytes(in);
      case GUID -> new UUID(in.readLong(), in.readLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readLong());
      case OFFSET -> {
        LocalDate d = LocalDate.ofEpochDay(in.readLong());
        LocalTime t = LocalTime.ofNanoOfDay(in.readLong());
        yield OffsetDateTime.of(d, t, ZoneOffset.ofTotalSeconds(in.readInt()));
      }
      default -> throw new IOException("corrupt spill file (tag " + tag + ")");
    };
  }

  /** Decodes the text of a STRING value; may hand out a cached equal string. */
  @FunctionalInterface
  public interface TextDecoder {
    String decode(byte[] bytes, int offset, int length);
  }

  /**
   * One value written by {@link #write}, from a heap buffer holding a whole block of them: the raw
   * file source decodes its blocks this way, with no stream call per byte, and its strings through
   * {@code text} (a per-column cache of repeated values).
   */
  public static Object read(ByteBuffer in, TextDecoder text) throws IOException {
    int tag = in.get();
    return switch (tag) {
      case NULL -> null;
      case STRING -> {
        int n = in.getInt();
        int at = in.position();
        in.position(at + n);
        yield text.decode(in.array(), in.arrayOffset() + at, n);
      }
      case INT -> in.getInt();
      case LONG -> in.getLong();
      case DOUBLE -> in.getDouble();
      case DECIMAL_SMALL -> {
        long unscaled = in.getLong();
        yield BigDecimal.valueOf(unscaled, in.getInt());
      }
      case DECIMAL -> {
        BigInteger unscaled = new BigInteger(bytes(in));
        yield new BigDecimal(unscaled, in.getInt());
      }
      case DATE -> LocalDate.ofEpochDay(in.getLong());
      case DATETIME -> {
        LocalDate d = LocalDate.ofEpochDay(in.getLong());
        yield LocalDateTime.of(d, LocalTime.ofNanoOfDay(in.getLong()));
      }
      case BOOLEAN -> in.get() != 0;
      case SHORT -> in.getShort();
      case BYTE -> in.get();
      case FLOAT -> in.getFloat();
      case BIGINT -> new BigInteger(bytes(in));
      case BYTES -> bytes(in);
      case GUID -> new UUID(in.getLong(), in.getLong());
      case TIME -> LocalTime.ofNanoOfDay(in.getLong());
      case OFFSET -> {
        LocalDate d = LocalDate.ofEpochDay(in.getLong());
        LocalTime t = LocalTime.ofNanoOfDay(in.getLong());
        yield OffsetDateTime.of(d, t, ZoneOffset.ofTotalSeconds(in.getInt()));
      }
      default -> throw new IOException("corrupt block (tag " + tag + ")");
    };
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
