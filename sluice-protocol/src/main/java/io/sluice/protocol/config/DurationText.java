package io.sluice.protocol.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in master.yaml and worker.yaml, one rule for both: {@code 500ms},
 * {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}, ISO-8601 ({@code PT10S}), or SSIS's {@code
 * hh:mm:ss} (so values copied from a WorkerSettings.config keep working). A bare number is not a
 * duration: 10 could mean seconds or milliseconds. It lives here because both config readers use it
 * and sluice-protocol is the one module masters and workers share.
 */
public final class DurationText {

  /** The accepted forms, for hints. */
  public static final String FORMS = "500ms, 10s, 5m, 12h, 1d, 00:01:00 or ISO-8601 PT10S";

  private static final Pattern UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})");

  private DurationText() {}

  /**
   * The duration, or empty when the text is none of the accepted forms (a bare number other than 0
   * included).
   */
  public static java.util.Optional<Duration> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher unit = UNIT.matcher(t);
    if (unit.matches()) {
      long n = Long.parseLong(unit.group(1));
      return java.util.Optional.of(
          switch (unit.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
    }
    Matcher clock = CLOCK.matcher(t);
    if (clock.matches()) {
      return java.util.Optional.of(
          Duration.ofHours(Long.parseLong(clock.group(1)))
              .plusMinutes(Long.parseLong(clock.group(2)))
              .plusSeconds(Long.parseLong(clock.group(3))));
    }
    if (t.equals("0")) {
      return java.util.Optional.of(Duration.ZERO); // no unit needed: zero is zero in any unit
    }
    try {
      return java.util.Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }
}
