package io.sluice.engine.type;

import io.sluice.engine.type.DataType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Converts values between SSIS data types the way an SSIS cast does. Used by expression casts and
 * implicit conversions, and by data-flow conversions.
 */
public final class ValueConverter {

  private static final BigDecimal CY_LIMIT = new BigDecimal("922337203685477.5808");

  private ValueConverter() {}

  /**
   * Whether SSIS allows a cast from one kind to another at all (a legal cast can still fail for a
   * particular value, e.g. {@code (DT_I4)"abc"}).
   */
  public static boolean canConvert(Kind from, Kind to) {
    if (from == to || from.isCharacter() || to.isCharacter()) {
      return true;
    }
    if (isNumberLike(from) && isNumberLike(to)) {
      return true;
    }
    if (from.isDateOrTime() && to.isDateOrTime()) {
      // A time of day has no date to give, and a bare date has no time of day.
      if (from.isTime()) {
        return to.isTime();
      }
      return !to.isTime() || from != Kind.DT_DBDATE;
    }
    return from.isBinary() && to.isBinary();
  }

  private static boolean isNumberLike(Kind kind) {
    return kind.isNumeric() || kind == Kind.DT_BOOL;
  }

  /**
   * Converts a value of type {@code from} to type {@code to}; null stays null.
   *
   * @throws DataConversionException when the value does not fit or cannot be parsed
   */
  public static Object convert(Object value, DataType from, DataType to) {
    if (value == null) {
      return null;
    }
    Kind target = to.kind();
    if (!canConvert(from.kind(), target)) {
      throw unsupported(from, to);
    }
    if (target == Kind.DT_BOOL) {
      return toBoolean(value, from, to);
    }
    if (target.isInteger()) {
      return toInteger(value, from, to);
    }
    if (target == Kind.DT_R8) {
      return toDouble(value, from, to);
    }
    if (target == Kind.DT_R4) {
      double d = toDouble(value, from, to);
      if (!Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
        throw overflow(from, to);
      }
      return (float) d;
    }
    if (target.isExactDecimal()) {
      return fitDecimal(toBigDecimal(value, from, to), from, to);
    }
    if (target.isCharacter()) {
      String text = Formats.format(value, from);
      boolean limited = target.isString() && to.length() > 0 && text.length() > to.length();
      // SSIS truncates silently at run time; the design-time warning is the caller's business.
      return limited ? text.substring(0, to.length()) : text;
    }
    if (target.isBinary()) {
      return toBytes(value, from, to);
    }
    if (target == Kind.DT_GUID) {
      return toGuid(value, from, to);
    }
    return toDateOrTime(value, from, to);
  }

  private static Boolean toBoolean(Object value, DataType from, DataType to) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String t = s.trim();
      if (t.equalsIgnoreCase("true")) {
        return true;
      }
      if (t.equalsIgnoreCase("false")) {
        return false;
      }
      return parseNumber(t, from, to).signum() != 0;
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue() != 0;
    }
    return toBigDecimal(value, from, to).signum() != 0;
  }

  private static Object toInteger(Object value, DataType from, DataType to) {
    Kind target = to.kind();
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Integers.box(target, ((Number) value).longValue(), () -> overflow(from, to));
    }
    if (value instanceof Byte b) {
      return Integers.box(target, b, () -> overflow(from, to));
    }
    if (value instanceof Boolean b) {
      // SSIS converts TRUE to -1, as Visual Basic does.
      return Integers.box(target, b ? -1 : 0, () -> overflow(from, to));
    }
    BigDecimal exact = toBigDecimal(value, from, to);
    BigInteger rounded = exact.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    return Integers.box(target, rounded, () -> overflow(from, to));
  }

  private static double toDouble(Object value, DataType from, DataType to) {
    if (value instanceof Number n && !(value instanceof BigDecimal)) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? -1 : 0;
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw cannotParse(s, to);
      }
    }
    return ((BigDecimal) value).doubleValue();
  }

  /** Any numeric, Boolean or numeric-text value as an exact decimal. */
  static BigDecimal toBigDecimal(Object value, DataType from, DataType to) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Byte b) {
      return BigDecimal.valueOf(b);
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw overflow(from, to);
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Boolean b) {
      return BigDecimal.valueOf(b ? -1 : 0);
    }
    if (value instanceof String s) {
      return parseNumber(s.trim(), from, to);
    }
    throw unsupported(from, to);
  }

  private static BigDecimal parseNumber(String text, DataType from, DataType to) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw cannotParse(text, to);
    }
  }

  private static BigDecimal fitDecimal(BigDecimal value, DataType from, DataType to) {
    BigDecimal scaled = value.setScale(to.scale(), RoundingMode.HALF_UP);
    boolean fits =
        switch (to.kind()) {
          case DT_CY -> scaled.abs().compareTo(CY_LIMIT) < 0;
          default -> scaled.precision() - scaled.scale() <= to.precision() - to.scale();
        };
    if (!fits) {
      throw overflow(from, to);
    }
    return scaled;
  }

  private static byte[] toBytes(Object value, DataType from, DataType to) {
    byte[] bytes;
    if (value instanceof byte[] b) {
      bytes = b;
    } else {
      String text = (String) value;
      bytes =
          from.kind() == Kind.DT_STR || from.kind() == Kind.DT_TEXT
              ? text.getBytes(charset(from.codePage()))
              : text.getBytes(StandardCharsets.UTF_16LE);
    }
    if (to.kind() == Kind.DT_BYTES && to.length() > 0 && bytes.length > to.length()) {
      byte[] cut = new byte[to.length()];
      System.arraycopy(bytes, 0, cut, 0, cut.length);
      return cut;
    }
    return bytes;
  }

  /** The Java charset of a Windows code page; unknown code pages fall back to windows-1252. */
  public static Charset charset(int codePage) {
    if (codePage == 65001) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName("windows-" + codePage);
    } catch (IllegalArgumentException e) {
      try {
        return Charset.forName("Cp" + codePage);
      } catch (IllegalArgumentException e2) {
        return Charset.forName("windows-1252");
      }
    }
  }

  private static UUID toGuid(Object value, DataType from, DataType to) {
    if (value instanceof UUID u) {
      return u;
    }
    String text = ((String) value).trim();
    if (text.startsWith("{") && text.endsWith("}")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw cannotParse((String) value, to);
    }
  }

  private static Object toDateOrTime(Object value, DataType from, DataType to) {
    Object source = value instanceof String s ? Formats.parseDateTime(s, to) : value;
    Kind target = to.kind();
    if (target == Kind.DT_DBDATE) {
      if (source instanceof LocalDateTime t) {
        return t.toLocalDate();
      }
      if (source instanceof OffsetDateTime t) {
        return t.toLocalDate();
      }
      return source;
    }
    if (target.isTime()) {
      LocalTime time =
          source instanceof LocalDateTime t
              ? t.toLocalTime()
              : source instanceof OffsetDateTime t ? t.toLocalTime() : (LocalTime) source;
      return Formats.truncate(time, target == Kind.DT_DBTIME ? 0 : to.scale());
    }
    LocalDateTime local;
    if (source instanceof LocalDate d) {
      local = d.atStartOfDay();
    } else if (source instanceof OffsetDateTime t) {
      if (target == Kind.DT_DBTIMESTAMPOFFSET) {
        return t.withNano(Formats.truncateNanos(t.getNano(), to.scale()));
      }
      local = t.toLocalDateTime();
    } else if (source instanceof LocalDateTime t) {
      local = t;
    } else {
      throw unsupported(from, to);
    }
    return switch (target) {
      case DT_DBTIMESTAMPOFFSET ->
          local
              .withNano(Formats.truncateNanos(local.getNano(), to.scale()))
              .atOffset(ZoneOffset.UTC);
      case DT_DBTIMESTAMP2 -> local.withNano(Formats.truncateNanos(local.getNano(), to.scale()));
      // DT_DATE and DT_DBTIMESTAMP keep milliseconds.
      default -> local.withNano(Formats.truncateNanos(local.getNano(), 3));
    };
  }

  static DataConversionException overflow(DataType from, DataType to) {
    return new DataConversionException(
        "An overflow occurred while converting from data type \""
            + from.name()
            + "\" to data type \""
            + to.name()
            + "\". The source type is too large for the destination type.");
  }

  static DataConversionException unsupported(DataType from, DataType to) {
    return new DataConversionException(
        "Conversion from data type \""
            + from.name()
            + "\" to data type \""
            + to.name()
            + "\" is unsupported.");
  }

  static DataConversionException cannotParse(String text, DataType to) {
    return new DataConversionException(
        "The value \"" + text + "\" cannot be converted to data type \"" + to.name() + "\".");
  }
}
