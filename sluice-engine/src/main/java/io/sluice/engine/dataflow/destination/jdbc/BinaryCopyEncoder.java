package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Encodes rows in PostgreSQL's binary COPY format. The server then reads numbers and dates as they
 * are stored instead of parsing text, which is most of what a text COPY costs it; this is how the
 * fast load keeps up with (and can beat) a COPY of a text file.
 */
final class BinaryCopyEncoder {

  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };
  static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

  private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);
  private static final long EPOCH_DAY = POSTGRES_EPOCH.toEpochDay();
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  /** How one column's values are written. */
  enum Field {
    INT2,
    INT4,
    INT8,
    FLOAT4,
    FLOAT8,
    NUMERIC,
    DATE,
    TIMESTAMP,
    TEXT,
    BOOL,
    UUID,
    BYTEA
  }

  private byte[] bytes = new byte[1 << 20];
  private int length;
  private final short[] groups = new short[40];

  /**
   * The binary field for a table column of {@code typeName} fed by values of {@code type}, or empty
   * when the pair has no binary form here (the load then uses text COPY).
   */
  static Optional<Field> field(String typeName, DataType type) {
    Kind k = type.kind();
    String t = typeName.toLowerCase(Locale.ROOT);
    boolean integer = k.isInteger() && k != Kind.DT_UI8;
    Field f =
        switch (t) {
          case "int2" -> k == Kind.DT_I1 || k == Kind.DT_I2 || k == Kind.DT_UI1 ? Field.INT2 : null;
          case "int4" -> integer && k.integerBytes() <= 4 && k != Kind.DT_UI4 ? Field.INT4 : null;
          case "int8" -> integer ? Field.INT8 : null;
          case "float4" -> k == Kind.DT_R4 ? Field.FLOAT4 : null;
          case "float8" -> k.isReal() ? Field.FLOAT8 : null;
          case "numeric" -> k.isExactDecimal() || integer ? Field.NUMERIC : null;
          case "date" -> k == Kind.DT_DBDATE ? Field.DATE : null;
          case "timestamp" ->
              k == Kind.DT_DBTIMESTAMP || k == Kind.DT_DBTIMESTAMP2 || k == Kind.DT_DATE
                  ? Field.TIMESTAMP
                  : null;
          case "text", "varchar", "bpchar", "name" -> k.isCharacter() ? Field.TEXT : null;
          case "bool" -> k == Kind.DT_BOOL ? Field.BOOL : null;
          case "uuid" -> k == Kind.DT_GUID ? Field.UUID : null;
          case "bytea" -> k.isBinary() ? Field.BYTEA : null;
          default -> null;
        };
    return Optional.ofNullable(f);
  }

  void reset() {
    length = 0;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  void startRow(int fields) {
    ensure(2);
    putShort(fields);
  }

  void value(Field field, Object value) {
    ensure(8);
    if (value == null) {
      putInt(-1);
      return;
    }
    switch (field) {
      case INT2 -> {
        putInt(2);
        putShort(((Number) value).shortValue());
      }
      case INT4 -> {
        putInt(4);
        putInt(((Number) value).intValue());
      }
      case INT8 -> {
        putInt(8);
        putLong(((Number) value).longValue());
      }
      case FLOAT4 -> {
        putInt(4);
        putInt(Float.floatToIntBits(((Number) value).floatValue()));
      }
      case FLOAT8 -> {
        putInt(8);
        putLong(Double.doubleToLongBits(((Number) value).doubleValue()));
      }
      case NUMERIC ->
          numeric(
              value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue()));
      case DATE -> {
        putInt(4);
        putInt((int) (((LocalDate) value).toEpochDay() - EPOCH_DAY));
      }
      case TIMESTAMP -> {
        putInt(8);
        putLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH.atStartOfDay(), (LocalDateTime) value));
      }
      case TEXT -> text((String) value);
      case BOOL -> {
        putInt(1);
        bytes[length++] = (byte) (((Boolean) value) ? 1 : 0);
      }
      case UUID -> {
        ensure(20);
        putInt(16);
        putLong(((UUID) value).getMostSignificantBits());
        putLong(((UUID) value).getLeastSignificantBits());
      }
      case BYTEA -> raw((byte[]) value);
    }
  }

  private void text(String s) {
    int n = s.length();
    ensure(4 + n);
    int lengthAt = length;
    length += 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = lengthAt;
        raw(s.getBytes(StandardCharsets.UTF_8));
        return;
      }
      bytes[length++] = (byte) c;
    }
    writeIntAt(lengthAt, n);
  }

  private void raw(byte[] value) {
    ensure(4 + value.length);
    putInt(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
  }

  /**
   * PostgreSQL's numeric: base-10000 digit groups around the decimal point, a weight (the power of
   * 10000 of the first group), a sign, and the display scale.
   */
  private void numeric(BigDecimal value) {
    int scale = Math.max(0, value.scale());
    BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
    int fractionGroups = (scale + 3) / 4;
    BigInteger unscaled = v.unscaledValue();
    int sign = unscaled.signum();
    int count = 0;
    if (unscaled.bitLength() < 50) {
      long u = Math.abs(unscaled.longValue());
      for (int pad = scale; pad < fractionGroups * 4; pad++) {
        u *= 10;
      }
      while (u != 0) {
        groups[count++] = (short) (u % 10_000);
        u /= 10_000;
      }
    } else {
      BigInteger u = unscaled.abs().multiply(BigInteger.TEN.pow(fractionGroups * 4 - scale));
      while (u.signum() != 0) {
        BigInteger[] qr = u.divideAndRemainder(TEN_THOUSAND);
        groups[count++] = qr[1].shortValue();
        u = qr[0];
      }
    }
    // groups[0] is the least significant; the weight is that of the most significant group.
    int weight = count - 1 - fractionGroups;
    int low = 0;
    while (low < count && groups[low] == 0) {
      low++; // trailing zero groups need not be sent
    }
    int digits = count - low;
    ensure(12 + 2 * digits);
    putInt(8 + 2 * digits);
    putShort(digits);
    putShort(digits == 0 ? 0 : weight);
    putShort(sign < 0 ? 0x4000 : 0);
    putShort(scale);
    for (int i = count - 1; i >= low; i--) {
      putShort(groups[i]);
    }
  }

  void trailer() {
    ensure(2);
    putShort(-1);
  }

  private void putShort(int v) {
    bytes[length++] = (byte) (v >>> 8);
    bytes[length++] = (byte) v;
  }

  private void putInt(int v) {
    writeIntAt(length, v);
    length += 4;
  }

  private void writeIntAt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
