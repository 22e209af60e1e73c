package io.sluice.catalog.execution;

import io.sluice.engine.project.ParameterType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks that a value given as text can be read as a parameter's data type, so a typo is refused
 * when it is set rather than when the package runs.
 */
final class TypedValues {

  private static final BigInteger UINT32_MAX = BigInteger.valueOf(4_294_967_295L);
  private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

  private TypedValues() {}

  /**
   * Why {@code value} is not a {@code dataType}, or empty if it is one; a {@code sensitive} value
   * is not quoted (the reason reaches terminals, logs and REST answers).
   */
  static Optional<String> problem(String dataType, String value, boolean sensitive) {
    Optional<ParameterType> type = ParameterType.fromName(dataType);
    if (type.isEmpty()) {
      return Optional.of("its data type '" + dataType + "' is unknown");
    }
    String text = value.trim();
    boolean fits =
        switch (type.get()) {
          case STRING -> true;
          case BOOLEAN -> isBoolean(text);
          case BYTE -> integerWithin(text, BigInteger.ZERO, BigInteger.valueOf(255));
          case SBYTE -> integerWithin(text, BigInteger.valueOf(-128), BigInteger.valueOf(127));
          case INT16 ->
              integerWithin(
                  text, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
          case INT32 ->
              integerWithin(
                  text,
                  BigInteger.valueOf(Integer.MIN_VALUE),
                  BigInteger.valueOf(Integer.MAX_VALUE));
          case INT64 ->
              integerWithin(
                  text, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
          case UINT32 -> integerWithin(text, BigInteger.ZERO, UINT32_MAX);
          case UINT64 -> integerWithin(text, BigInteger.ZERO, UINT64_MAX);
          case SINGLE, DOUBLE -> isFiniteNumber(text);
          case DECIMAL -> isDecimal(text);
          case DATE_TIME -> isDateTime(text);
        };
    return fits
        ? Optional.empty()
        : Optional.of(
            (sensitive ? "the sensitive value" : "'" + value + "'")
                + " is not "
                + example(type.get()));
  }

  private static boolean isBoolean(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  private static boolean integerWithin(String text, BigInteger min, BigInteger max) {
    try {
      BigInteger number = new BigInteger(text);
      return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isFiniteNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDecimal(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    return parses(text, OffsetDateTime::parse)
        || parses(text, LocalDateTime::parse)
        || parses(text, LocalDate::parse);
  }

  private static boolean parses(String text, Function<String, ?> parser) {
    try {
      parser.apply(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String example(ParameterType type) {
    return switch (type) {
      case BOOLEAN -> "a Boolean (true or false)";
      case BYTE -> "a Byte (0 to 255)";
      case SBYTE -> "an SByte (-128 to 127)";
      case INT16 -> "an Int16 (-32768 to 32767)";
      case INT32 -> "an Int32 (a whole number from -2147483648 to 2147483647)";
      case INT64 -> "an Int64 (a whole number)";
      case UINT32 -> "a UInt32 (0 to 4294967295)";
      case UINT64 -> "a UInt64 (0 to 18446744073709551615)";
      case SINGLE -> "a Single (a number such as 1.5)";
      case DOUBLE -> "a Double (a number such as 1.5)";
      case DECIMAL -> "a Decimal (a number such as 12.50)";
      case DATE_TIME -> "a DateTime (ISO 8601, e.g. 2024-05-31 or 2024-05-31T23:00:00)";
      case STRING -> "a String";
    };
  }
}
