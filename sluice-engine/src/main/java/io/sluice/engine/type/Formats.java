package io.sluice.engine.type;

import io.sluice.engine.type.DataType.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text forms of SSIS values: what a cast to DT_WSTR yields and what a cast from it accepts. */
public final class Formats {

  /**
   * Dates as ISO {@code yyyy-mm-dd} or US {@code m/d/yyyy} or {@code m/d/yy} (the en-US locale the
   * SSIS docs' examples assume), an optional time of day, an optional offset like {@code +05:35}.
   */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\s*(?:(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})"
              + "|(?<um>\\d{1,2})/(?<ud>\\d{1,2})/(?<uy>\\d{4}|\\d{2}))?"
              + "(?:(?:^|[ T]+)(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?)?)?"
              + "(?:\\s*(?<sign>[+-])\\s*(?<oh>\\d{1,2}):(?<om>\\d{2}))?\\s*");

  private Formats() {}

  /** The text SSIS produces when casting a value of the given type to a string. */
  public static String format(Object value, DataType type) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double d) {
      return formatReal(d);
    }
    if (value instanceof Float f) {
      return formatReal(Double.parseDouble(Float.toString(f)));
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().withUpperCase().formatHex(bytes);
    }
    if (value instanceof UUID u) {
      return "{" + u.toString().toUpperCase(Locale.ROOT) + "}";
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof LocalTime t) {
      return formatTime(t, type.kind() == Kind.DT_DBTIME2 ? type.scale() : 0);
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + formatTime(t.toLocalTime(), timestampDigits(type));
    }
    if (value instanceof OffsetDateTime t) {
      ZoneOffset offset = t.getOffset();
      int minutes = offset.getTotalSeconds() / 60;
      String sign = minutes < 0 ? "-" : "+";
      minutes = Math.abs(minutes);
      return t.toLocalDate()
          + " "
          + formatTime(t.toLocalTime(), type.scale())
          + " "
          + sign
          + String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
    return value.toString();
  }

  private static int timestampDigits(DataType type) {
    return switch (type.kind()) {
      // SSIS shows DT_DBTIMESTAMP with nine fraction digits, e.g. 2003-08-06 10:22:27.463000000.
      case DT_DBTIMESTAMP -> 9;
      case DT_DBTIMESTAMP2 -> type.scale();
      default -> 0;
    };
  }

  private static String formatReal(double d) {
    double abs = Math.abs(d);
    if (d == 0 || (abs >= 1e-5 && abs < 1e15)) {
      String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      return plain;
    }
    return Double.toString(d);
  }

  private static String formatTime(LocalTime t, int digits) {
    String text = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (digits <= 0) {
      return text;
    }
    String nanos = String.format("%09d", t.getNano());
    return text + "." + nanos.substring(0, Math.min(digits, 9));
  }

  /** Parses date/time text into the Java class of a date or time kind. */
  public static Object parseDateTime(String text, DataType to) {
    Matcher m = DATE_TIME.matcher(text);
    if (text.isBlank() || !m.matches()) {
      throw ValueConverter.cannotParse(text, to);
    }
    try {
      boolean hasDate = m.group("iy") != null || m.group("uy") != null;
      LocalDate date =
          m.group("iy") != null
              ? LocalDate.of(num(m, "iy"), num(m, "im"), num(m, "id"))
              : m.group("uy") != null
                  ? LocalDate.of(usYear(m.group("uy")), num(m, "um"), num(m, "ud"))
                  : null;
      LocalTime time = LocalTime.MIDNIGHT;
      if (m.group("h") != null) {
        String fraction = m.group("f") == null ? "" : m.group("f");
        int nanos =
            fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        int seconds = m.group("s") == null ? 0 : num(m, "s");
        time = LocalTime.of(num(m, "h"), num(m, "mi"), seconds, nanos);
      }
      if (to.kind().isTime()) {
        if (m.group("h") == null) {
          throw ValueConverter.cannotParse(text, to);
        }
        return time;
      }
      if (!hasDate) {
        throw ValueConverter.cannotParse(text, to);
      }
      LocalDateTime local = date.atTime(time);
      if (m.group("sign") != null) {
        int minutes = num(m, "oh") * 60 + num(m, "om");
        ZoneOffset offset =
            ZoneOffset.ofTotalSeconds((m.group("sign").equals("-") ? -minutes : minutes) * 60);
        return local.atOffset(offset);
      }
      return local;
    } catch (DateTimeException e) {
      throw ValueConverter.cannotParse(text, to);
    }
  }

  /**
   * The last year a two-digit year means: SSIS parses dates with Windows' OLE Automation rules,
   * whose two-digit-year window is 1930 to 2029 (Windows' default "When a two-digit year is
   * entered, interpret it as a year between 1930 and 2029"), so {@code 1/1/05} is 2005 and {@code
   * 1/1/30} is 1930. The tutorial's SampleCurrencyData.txt writes its dates this way.
   */
  static final int TWO_DIGIT_YEAR_MAX = 2029;

  private static int usYear(String digits) {
    int year = Integer.parseInt(digits);
    if (digits.length() != 2) {
      return year;
    }
    int century = TWO_DIGIT_YEAR_MAX / 100 * 100;
    return year <= TWO_DIGIT_YEAR_MAX % 100 ? century + year : century - 100 + year;
  }

  private static int num(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }

  /** Drops fraction digits beyond {@code digits} (0..9) from a nanosecond count. */
  public static int truncateNanos(int nanos, int digits) {
    if (digits >= 9) {
      return nanos;
    }
    int unit = (int) Math.pow(10, 9 - digits);
    return nanos / unit * unit;
  }

  static LocalTime truncate(LocalTime time, int digits) {
    return time.withNano(truncateNanos(time.getNano(), digits));
  }
}
