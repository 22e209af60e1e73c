package io.sluice.engine.project;

import java.util.Arrays;
import java.util.Optional;

/** Data types of project and package parameters, named as in SSIS. */
public enum ParameterType {
  BOOLEAN("Boolean"),
  BYTE("Byte"),
  DATE_TIME("DateTime"),
  DECIMAL("Decimal"),
  DOUBLE("Double"),
  INT16("Int16"),
  INT32("Int32"),
  INT64("Int64"),
  SBYTE("SByte"),
  SINGLE("Single"),
  STRING("String"),
  UINT32("UInt32"),
  UINT64("UInt64");

  private final String ssisName;

  ParameterType(String ssisName) {
    this.ssisName = ssisName;
  }

  /** The name users write in project files and on the command line, e.g. {@code Int32}. */
  public String ssisName() {
    return ssisName;
  }

  /** Case-insensitive lookup by SSIS name. */
  public static Optional<ParameterType> fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.ssisName.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Why {@code text} is not a value of this type, or empty if it is. Booleans are true/false (any
   * case) or 1/0; date-times are ISO-8601 ({@code 2024-01-31T12:00:00} or a date alone).
   */
  public Optional<String> invalidValue(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      switch (this) {
        case BOOLEAN -> {
          if (!t.equalsIgnoreCase("true")
              && !t.equalsIgnoreCase("false")
              && !t.equals("1")
              && !t.equals("0")) {
            return Optional.of(quote(text) + " is not a Boolean (use true or false)");
          }
        }
        case BYTE -> range(t, 0, 255);
        case SBYTE -> range(t, -128, 127);
        case INT16 -> range(t, Short.MIN_VALUE, Short.MAX_VALUE);
        case INT32 -> range(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case INT64 -> Long.parseLong(t);
        case UINT32 -> range(t, 0, 4294967295L);
        case UINT64 -> {
          java.math.BigInteger v = new java.math.BigInteger(t);
          if (v.signum() < 0 || v.bitLength() > 64) {
            throw new NumberFormatException();
          }
        }
        case SINGLE, DOUBLE -> Double.parseDouble(t);
        case DECIMAL -> new java.math.BigDecimal(t);
        case DATE_TIME -> {
          if (t.length() == 10) {
            java.time.LocalDate.parse(t);
          } else {
            java.time.LocalDateTime.parse(t);
          }
        }
        case STRING -> {}
      }
    } catch (NumberFormatException e) {
      return Optional.of(quote(text) + " is not a valid " + ssisName + describeRange());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of(
          quote(text)
              + " is not a DateTime (use ISO-8601, e.g. 2024-01-31 or 2024-01-31T13:45:00)");
    }
    return Optional.empty();
  }

  private static void range(String t, long min, long max) {
    long v = Long.parseLong(t);
    if (v < min || v > max) {
      throw new NumberFormatException();
    }
  }

  private String describeRange() {
    return switch (this) {
      case BYTE -> " (a whole number from 0 to 255)";
      case SBYTE -> " (a whole number from -128 to 127)";
      case INT16 -> " (a whole number from -32768 to 32767)";
      case INT32 -> " (a whole number from -2147483648 to 2147483647)";
      case INT64 -> " (a 64-bit whole number)";
      case UINT32 -> " (a whole number from 0 to 4294967295)";
      case UINT64 -> " (a whole number from 0 to 18446744073709551615)";
      default -> " (a number)";
    };
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  @Override
  public String toString() {
    return ssisName;
  }
}
