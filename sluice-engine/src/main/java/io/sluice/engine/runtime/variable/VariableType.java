package io.sluice.engine.runtime.variable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The SSIS variable (and parameter) data types with the Java class that holds each one's values.
 * Every value stored in a variable goes through {@link #coerce}, so a task reading an Int32 always
 * gets an {@link Integer}, whatever produced it (text, a JDBC column, an expression).
 */
public enum VariableType {
  BOOLEAN("Boolean"),
  BYTE("Byte"),
  CHAR("Char"),
  DATE_TIME("DateTime"),
  DB_NULL("DBNull"),
  DECIMAL("Decimal"),
  DOUBLE("Double"),
  INT16("Int16"),
  INT32("Int32"),
  INT64("Int64"),
  OBJECT("Object"),
  SBYTE("SByte"),
  SINGLE("Single"),
  STRING("String"),
  UINT32("UInt32"),
  UINT64("UInt64");

  private final String ssisName;

  VariableType(String ssisName) {
    this.ssisName = ssisName;
  }

  public String ssisName() {
    return ssisName;
  }

  public static Optional<VariableType> fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.ssisName.equalsIgnoreCase(name)).findFirst();
  }

  /** The type a variable is declared with; the project parser has already checked the name. */
  public static VariableType of(String name) {
    return fromName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown variable type '" + name + "'"));
  }

  /** The value written as text in a project file or on the command line; null stays null. */
  public Object fromText(String text) {
    if (text == null) {
      return defaultValue();
    }
    String t = text.trim();
    return switch (this) {
      case BOOLEAN -> t.equalsIgnoreCase("true") || t.equals("1");
      case DATE_TIME -> t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : parseDateTime(t);
      case STRING, CHAR -> text;
      case OBJECT -> text;
      case DB_NULL -> null;
      default -> coerce(t);
    };
  }

  /**
   * The value as this type's Java class. Numbers convert when they fit; text converts when it
   * parses. Throws {@link IllegalArgumentException} naming the value and the type otherwise.
   */
  public Object coerce(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return switch (this) {
        case OBJECT -> value;
        case DB_NULL -> null;
        case STRING -> value instanceof String ? value : String.valueOf(value);
        case CHAR -> String.valueOf(value);
        case BOOLEAN -> value instanceof Boolean ? value : fromText(String.valueOf(value));
        case DATE_TIME -> dateTime(value);
        case DECIMAL -> decimal(value);
        case DOUBLE -> decimal(value).doubleValue();
        case SINGLE -> decimal(value).floatValue();
        case INT16 -> (short) checked(value, Short.MIN_VALUE, Short.MAX_VALUE);
        case INT32 -> (int) checked(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case INT64 -> decimal(value).toBigIntegerExact().longValueExact();
        case BYTE -> (short) checked(value, 0, 255);
        case SBYTE -> (byte) checked(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        case UINT32 -> checked(value, 0, 4294967295L);
        case UINT64 -> unsigned64(value);
      };
    } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "the value " + describe(value) + " is not a valid " + ssisName);
    }
  }

  /** What a variable of this type holds before anything is assigned (as SSIS: 0, "", false). */
  public Object defaultValue() {
    return switch (this) {
      case BOOLEAN -> false;
      case STRING, CHAR -> "";
      case OBJECT, DB_NULL -> null;
      case DATE_TIME -> LocalDateTime.of(1899, 12, 30, 0, 0);
      default -> coerce(0);
    };
  }

  private static LocalDateTime parseDateTime(String t) {
    try {
      return LocalDateTime.parse(t.replace(' ', 'T'));
    } catch (java.time.format.DateTimeParseException e) {
      return OffsetDateTime.parse(t.replace(' ', 'T')).toLocalDateTime();
    }
  }

  private static LocalDateTime dateTime(Object value) {
    if (value instanceof LocalDateTime d) {
      return d;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (value instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }
    if (value instanceof java.time.Instant i) {
      return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
    }
    String t = String.valueOf(value).trim();
    return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : parseDateTime(t);
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (value instanceof Boolean b) {
      // SSIS converts true to -1 when a Boolean becomes a number
      return b ? BigDecimal.ONE.negate() : BigDecimal.ZERO;
    }
    return new BigDecimal(String.valueOf(value).trim());
  }

  private static long checked(Object value, long min, long max) {
    long v = decimal(value).toBigIntegerExact().longValueExact();
    if (v < min || v > max) {
      throw new ArithmeticException("out of range");
    }
    return v;
  }

  private static BigInteger unsigned64(Object value) {
    BigInteger v = decimal(value).toBigIntegerExact();
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw new ArithmeticException("out of range");
    }
    return v;
  }

  private static String describe(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  @Override
  public String toString() {
    return ssisName;
  }
}
