package io.sluice.engine.expression;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Bringing values of the different date kinds to a common form at run time. */
final class Dates {

  /** SQL Server's date for a bare time of day. */
  private static final LocalDate BASE_DATE = LocalDate.of(1900, 1, 1);

  private Dates() {}

  /** A local date-time; dates start at midnight, offsets are dropped, times fall on 1900-01-01. */
  static LocalDateTime toLocal(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toLocalDateTime();
    }
    return BASE_DATE.atTime((LocalTime) value);
  }

  /** A UTC date-time: values without an offset are taken as UTC, as SSIS does when comparing. */
  static LocalDateTime toUtc(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return toLocal(value);
  }
}
