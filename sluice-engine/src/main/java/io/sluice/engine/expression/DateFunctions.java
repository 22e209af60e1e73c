package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.Formats;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * DATEADD DATEDIFF DATEPART DAY MONTH YEAR GETDATE GETUTCDATE. Weeks start on Sunday and week 1
 * holds January 1, as with SQL Server's default DATEFIRST 7.
 */
final class DateFunctions {

  private static final int MIN_YEAR = 1;
  private static final int MAX_YEAR = 9999;

  private DateFunctions() {}

  static Node dateadd(Call call) {
    call.expectArguments(3);
    DatePart part = call.datePart(0);
    Node number = call.integer(1);
    Node date = call.date(2, false);
    return call.node(
        DataType.DBTIMESTAMP,
        List.of(call.argument(0), number, date),
        (args, ctx) -> {
          LocalDateTime start = Dates.toLocal(args[2]);
          long n = Numbers.asLong(args[1]);
          LocalDateTime result;
          try {
            result = add(part, start, n);
          } catch (DateTimeException | ArithmeticException e) {
            result = null;
          }
          if (result == null || result.getYear() < MIN_YEAR || result.getYear() > MAX_YEAR) {
            throw new FunctionNode.Failure(
                "The result of the function call \"DATEADD\" is too large to fit in type"
                    + " \"DT_DBTIMESTAMP\".");
          }
          return millis(result);
        });
  }

  private static LocalDateTime add(DatePart part, LocalDateTime start, long n) {
    return switch (part) {
      case YEAR -> start.plusYears(n);
      case QUARTER -> start.plusMonths(Math.multiplyExact(n, 3));
      case MONTH -> start.plusMonths(n);
      case DAYOFYEAR, DAY, WEEKDAY -> start.plusDays(n);
      case WEEK -> start.plusWeeks(n);
      case HOUR -> start.plusHours(n);
      case MINUTE -> start.plusMinutes(n);
      case SECOND -> start.plusSeconds(n);
      case MILLISECOND -> start.plus(n, ChronoUnit.MILLIS);
    };
  }

  static Node datediff(Call call) {
    call.expectArguments(3);
    DatePart part = call.datePart(0);
    Node start = call.date(1, false);
    Node end = call.date(2, false);
    return call.node(
        DataType.I4,
        List.of(call.argument(0), start, end),
        (args, ctx) -> {
          long difference = boundaries(part, Dates.toUtc(args[1]), Dates.toUtc(args[2]));
          if (difference < Integer.MIN_VALUE || difference > Integer.MAX_VALUE) {
            throw new FunctionNode.Failure(
                "The result of the function call \"DATEDIFF\" is too large to fit in type"
                    + " \"DT_I4\".");
          }
          return (int) difference;
        });
  }

  /** Number of datepart boundaries crossed from a to b, like SQL Server's DATEDIFF. */
  private static long boundaries(DatePart part, LocalDateTime a, LocalDateTime b) {
    return switch (part) {
      case YEAR -> b.getYear() - a.getYear();
      case QUARTER -> quarterIndex(b) - quarterIndex(a);
      case MONTH -> monthIndex(b) - monthIndex(a);
      case DAYOFYEAR, DAY, WEEKDAY -> ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
      case WEEK -> sundayWeekIndex(b) - sundayWeekIndex(a);
      case HOUR ->
          ChronoUnit.HOURS.between(
              a.truncatedTo(ChronoUnit.HOURS), b.truncatedTo(ChronoUnit.HOURS));
      case MINUTE ->
          ChronoUnit.MINUTES.between(
              a.truncatedTo(ChronoUnit.MINUTES), b.truncatedTo(ChronoUnit.MINUTES));
      case SECOND ->
          ChronoUnit.SECONDS.between(
              a.truncatedTo(ChronoUnit.SECONDS), b.truncatedTo(ChronoUnit.SECONDS));
      case MILLISECOND ->
          ChronoUnit.MILLIS.between(
              a.truncatedTo(ChronoUnit.MILLIS), b.truncatedTo(ChronoUnit.MILLIS));
    };
  }

  private static long quarterIndex(LocalDateTime t) {
    return t.getYear() * 4L + (t.getMonthValue() - 1) / 3;
  }

  private static long monthIndex(LocalDateTime t) {
    return t.getYear() * 12L + t.getMonthValue() - 1;
  }

  /** Index of the Sunday-started week; 1970-01-01 was a Thursday, so shift by 4 days. */
  private static long sundayWeekIndex(LocalDateTime t) {
    return Math.floorDiv(t.toLocalDate().toEpochDay() + 4, 7);
  }

  static Node datepart(Call call) {
    call.expectArguments(2);
    DatePart part = call.datePart(0);
    Node date = call.date(1, true);
    return call.node(
        DataType.I4,
        List.of(call.argument(0), date),
        (args, ctx) -> part(part, Dates.toLocal(args[1])));
  }

  static int part(DatePart part, LocalDateTime t) {
    return switch (part) {
      case YEAR -> t.getYear();
      case QUARTER -> (t.getMonthValue() - 1) / 3 + 1;
      case MONTH -> t.getMonthValue();
      case DAYOFYEAR -> t.getDayOfYear();
      case DAY -> t.getDayOfMonth();
      case WEEK -> {
        int januaryFirst = t.withDayOfYear(1).getDayOfWeek().getValue() % 7;
        yield (t.getDayOfYear() - 1 + januaryFirst) / 7 + 1;
      }
      case WEEKDAY -> t.getDayOfWeek().getValue() % 7 + 1;
      case HOUR -> t.getHour();
      case MINUTE -> t.getMinute();
      case SECOND -> t.getSecond();
      case MILLISECOND -> t.getNano() / 1_000_000;
    };
  }

  /** DAY, MONTH and YEAR: shorthands for DATEPART that return DT_I4. */
  static Node shorthand(Call call, DatePart part) {
    call.expectArguments(1);
    Node date = call.date(0, false);
    return call.node(DataType.I4, List.of(date), (args, ctx) -> part(part, Dates.toLocal(args[0])));
  }

  static Node getdate(Call call, boolean utc) {
    call.expectArguments(0);
    return call.node(
        DataType.DBTIMESTAMP,
        (args, ctx) ->
            millis(LocalDateTime.now(utc ? ctx.clock().withZone(ZoneOffset.UTC) : ctx.clock())));
  }

  /** DT_DBTIMESTAMP keeps milliseconds. */
  private static LocalDateTime millis(LocalDateTime t) {
    return t.withNano(Formats.truncateNanos(t.getNano(), 3));
  }
}
