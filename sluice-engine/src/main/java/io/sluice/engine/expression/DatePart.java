package io.sluice.engine.expression;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The datepart argument of DATEADD, DATEDIFF and DATEPART, with SSIS's abbreviations. */
enum DatePart {
  YEAR("year", "yy", "yyyy"),
  QUARTER("quarter", "qq", "q"),
  MONTH("month", "mm", "m"),
  DAYOFYEAR("dayofyear", "dy", "y"),
  DAY("day", "dd", "d"),
  WEEK("week", "wk", "ww"),
  WEEKDAY("weekday", "dw", "w"),
  HOUR("hour", "hh"),
  MINUTE("minute", "mi", "n"),
  SECOND("second", "ss", "s"),
  MILLISECOND("millisecond", "ms");

  private final List<String> names;

  DatePart(String... names) {
    this.names = List.of(names);
  }

  /** Case-insensitive lookup by name or abbreviation, e.g. {@code "Month"} or {@code "mm"}. */
  static Optional<DatePart> fromName(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (DatePart part : values()) {
      if (part.names.contains(wanted)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }
}
