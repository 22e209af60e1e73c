package io.sluice.cli.catalog.execution;

import io.sluice.cli.common.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as users type it on the command line: an age ({@code 30m}, {@code 24h}, {@code
 * 7d}: that long ago), an ISO instant ({@code 2024-05-31T22:00:00Z}), or a local date or date-time
 * ({@code 2024-05-31}, {@code 2024-05-31T23:00}).
 */
public final class TimeArgument {

  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhd])");

  private TimeArgument() {}

  public static Instant parse(String option, String text) {
    return parse(option, text, Instant.now());
  }

  static Instant parse(String option, String text, Instant now) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    Matcher age = AGE.matcher(trimmed);
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      Duration ago =
          switch (age.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return now.minus(ago);
    }
    try {
      return Instant.parse(trimmed);
    } catch (DateTimeParseException notAnInstant) {
      // try the local forms
    }
    try {
      return LocalDateTime.parse(trimmed).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException notADateTime) {
      // try a date
    }
    try {
      return LocalDate.parse(trimmed).atStartOfDay(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          option + " '" + text + "' is not a time",
          "give an age such as 30m, 24h or 7d, or a time such as 2024-05-31 or"
              + " 2024-05-31T23:00 (local) or 2024-05-31T21:00:00Z");
    }
  }
}
