package io.sluice.engine.project;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /** Plain decimal notation only: Java would also take NaN, Infinity, 0x1p3 and 1d. */
  private static final Pattern DECIMAL_NUMBER =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  /** .NET's System.Decimal: 96-bit unscaled values, at most 28 decimal places. */
  private static final BigDecimal DECIMAL_MAX = new BigDecimal("79228162514264337593543950335");

  private static final int DECIMAL_MAX_SCALE = 28;
  private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

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
   * Why {@code text} is not a value of this type, or empty if it is. Surrounding blanks are ignored
   * except for String. Booleans are true/false (any case) or 1/0; whole-number types take decimal
   * digits within the type's range; Single, Double and Decimal take plain decimal notation (1.5,
   * -2, 9.53E-03) within range, Decimal at most 28 decimal places; date-times are ISO-8601, a date
   * ({@code 2024-01-31}) or a date and time ({@code 2024-01-31T13:45:00}).
   */
  public Optional<String> invalidValue(String text) {
    return invalidValue(text, false);
  }

  /**
   * {@link #invalidValue(String)}; for a {@code sensitive} value the reason does not quote it (it
   * is a secret, and reasons reach terminals, logs and REST answers).
   */
  public Optional<String> invalidValue(String text, boolean sensitive) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    boolean valid =
        switch (this) {
          case BOOLEAN ->
              t.equalsIgnoreCase("true")
                  || t.equalsIgnoreCase("false")
                  || t.equals("1")
                  || t.equals("0");
          case BYTE -> wholeNumberIn(t, BigInteger.ZERO, BigInteger.valueOf(255));
          case SBYTE -> wholeNumberIn(t, BigInteger.valueOf(-128), BigInteger.valueOf(127));
          case INT16 ->
              wholeNumberIn(
                  t, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
          case INT32 ->
              wholeNumberIn(
                  t, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
          case INT64 ->
              wholeNumberIn(
                  t, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
          case UINT32 -> wholeNumberIn(t, BigInteger.ZERO, BigInteger.valueOf(4294967295L));
          case UINT64 -> wholeNumberIn(t, BigInteger.ZERO, UINT64_MAX);
          case SINGLE -> floatingIn(t, Float.MAX_VALUE);
          case DOUBLE -> floatingIn(t, Double.MAX_VALUE);
          case DECIMAL -> decimal(t);
          case DATE_TIME -> dateTime(t);
          case STRING -> true;
        };
    return valid
        ? Optional.empty()
        : Optional.of((sensitive ? "the sensitive value" : quote(text)) + " is not " + expected());
  }

  private static boolean wholeNumberIn(String t, BigInteger min, BigInteger max) {
    if (!t.matches("[-+]?[0-9]+")) {
      return false;
    }
    BigInteger v = new BigInteger(t);
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  private static boolean floatingIn(String t, double max) {
    if (!DECIMAL_NUMBER.matcher(t).matches()) {
      return false;
    }
    double v = Double.parseDouble(t);
    return Math.abs(v) <= max;
  }

  private static boolean decimal(String t) {
    if (!DECIMAL_NUMBER.matcher(t).matches()) {
      return false;
    }
    BigDecimal v = new BigDecimal(t).stripTrailingZeros();
    return v.abs().compareTo(DECIMAL_MAX) <= 0 && v.scale() <= DECIMAL_MAX_SCALE;
  }

  private static boolean dateTime(String t) {
    try {
      if (t.length() == 10) {
        LocalDate.parse(t);
      } else {
        LocalDateTime.parse(t);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** What a value of this type looks like, for messages. */
  public String expected() {
    return switch (this) {
      case BOOLEAN -> "a Boolean (use true or false)";
      case BYTE -> "a Byte (a whole number from 0 to 255)";
      case SBYTE -> "an SByte (a whole number from -128 to 127)";
      case INT16 -> "an Int16 (a whole number from -32768 to 32767)";
      case INT32 -> "an Int32 (a whole number from -2147483648 to 2147483647)";
      case INT64 -> "an Int64 (a whole number from -9223372036854775808 to 9223372036854775807)";
      case UINT32 -> "a UInt32 (a whole number from 0 to 4294967295)";
      case UINT64 -> "a UInt64 (a whole number from 0 to 18446744073709551615)";
      case SINGLE -> "a Single (a number such as 1.5 or 9.53E-03, at most about 3.4E38)";
      case DOUBLE -> "a Double (a number such as 1.5 or 9.53E-03, at most about 1.8E308)";
      case DECIMAL ->
          "a Decimal (a number such as 12.75, at most 79228162514264337593543950335,"
              + " with at most 28 decimal places)";
      case DATE_TIME -> "a DateTime (use ISO-8601, e.g. 2024-01-31 or 2024-01-31T13:45:00)";
      case STRING -> "a String";
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
