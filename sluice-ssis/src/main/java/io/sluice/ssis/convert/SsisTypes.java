package io.sluice.ssis.convert;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** SSIS's numeric type codes in package XML, named as Sluice names them. */
final class SsisTypes {

  private SsisTypes() {}

  /**
   * Variables and package parameters in a .dtsx carry their type as a COM VARIANT type ({@code
   * DTS:DataType="8"} is a String); Project.params uses .NET's TypeCode instead ({@link
   * #typeCode}).
   */
  private static final Map<Integer, String> VARIANT =
      Map.ofEntries(
          Map.entry(1, "DBNull"),
          Map.entry(2, "Int16"),
          Map.entry(3, "Int32"),
          Map.entry(4, "Single"),
          Map.entry(5, "Double"),
          Map.entry(7, "DateTime"),
          Map.entry(8, "String"),
          Map.entry(11, "Boolean"),
          Map.entry(13, "Object"),
          Map.entry(14, "Decimal"),
          Map.entry(16, "SByte"),
          Map.entry(17, "Byte"),
          Map.entry(18, "Char"),
          Map.entry(19, "UInt32"),
          Map.entry(20, "Int64"),
          Map.entry(21, "UInt64"));

  private static final Map<Integer, String> TYPE_CODE =
      Map.ofEntries(
          Map.entry(1, "Object"),
          Map.entry(2, "DBNull"),
          Map.entry(3, "Boolean"),
          Map.entry(4, "Char"),
          Map.entry(5, "SByte"),
          Map.entry(6, "Byte"),
          Map.entry(7, "Int16"),
          Map.entry(9, "Int32"),
          Map.entry(10, "UInt32"),
          Map.entry(11, "Int64"),
          Map.entry(12, "UInt64"),
          Map.entry(13, "Single"),
          Map.entry(14, "Double"),
          Map.entry(15, "Decimal"),
          Map.entry(16, "DateTime"),
          Map.entry(18, "String"));

  /**
   * The data-flow and flat-file column types (Microsoft.SqlServer.Dts.Runtime.Wrapper.DataType).
   */
  private static final Map<Integer, String> DATA_TYPE =
      Map.ofEntries(
          Map.entry(2, "DT_I2"),
          Map.entry(3, "DT_I4"),
          Map.entry(4, "DT_R4"),
          Map.entry(5, "DT_R8"),
          Map.entry(6, "DT_CY"),
          Map.entry(7, "DT_DATE"),
          Map.entry(11, "DT_BOOL"),
          Map.entry(14, "DT_DECIMAL"),
          Map.entry(16, "DT_I1"),
          Map.entry(17, "DT_UI1"),
          Map.entry(18, "DT_UI2"),
          Map.entry(19, "DT_UI4"),
          Map.entry(20, "DT_I8"),
          Map.entry(21, "DT_UI8"),
          Map.entry(72, "DT_GUID"),
          Map.entry(128, "DT_BYTES"),
          Map.entry(129, "DT_STR"),
          Map.entry(130, "DT_WSTR"),
          Map.entry(131, "DT_NUMERIC"),
          Map.entry(133, "DT_DBDATE"),
          Map.entry(134, "DT_DBTIME"),
          Map.entry(135, "DT_DBTIMESTAMP"),
          Map.entry(145, "DT_DBTIME2"),
          Map.entry(146, "DT_DBTIMESTAMPOFFSET"),
          Map.entry(301, "DT_IMAGE"),
          Map.entry(302, "DT_TEXT"),
          Map.entry(303, "DT_NTEXT"),
          Map.entry(304, "DT_DBTIMESTAMP2"));

  static Optional<String> variant(String code) {
    return lookup(VARIANT, code);
  }

  static Optional<String> typeCode(String code) {
    return lookup(TYPE_CODE, code);
  }

  static Optional<String> dataType(String code) {
    return lookup(DATA_TYPE, code);
  }

  private static Optional<String> lookup(Map<Integer, String> map, String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(map.get(Integer.parseInt(code.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static final DateTimeFormatter SSIS_DATE_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
  private static final DateTimeFormatter SSIS_DATE =
      DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

  /**
   * A value as SSIS writes it (invariant culture: {@code 3/27/2019 1:32:31 PM}, {@code True}) in
   * the form Sluice's files take ({@code 2019-03-27T13:32:31}, {@code true}), or empty when it has
   * no such form.
   */
  static Optional<String> value(String type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (type) {
      case "Boolean" ->
          switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "-1", "1" -> Optional.of("true");
            case "false", "0" -> Optional.of("false");
            default -> Optional.empty();
          };
      case "DateTime" -> dateTime(text.trim());
      case "Char" -> {
        String t = text;
        if (t.codePointCount(0, t.length()) == 1) {
          yield Optional.of(t);
        }
        try {
          yield Optional.of(Character.toString(Integer.parseInt(t.trim())));
        } catch (IllegalArgumentException e) {
          yield Optional.empty();
        }
      }
      default -> Optional.of(text);
    };
  }

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private static Optional<String> dateTime(String text) {
    try {
      return Optional.of(ISO.format(LocalDateTime.parse(text, SSIS_DATE_TIME)));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(ISO.format(java.time.LocalDate.parse(text, SSIS_DATE).atStartOfDay()));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(ISO.format(LocalDateTime.parse(text)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
