package io.sluice.console.web;

import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, durations and codes: one way everywhere, times in UTC. */
public final class Format {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 2026-12-07 23:20:05} (UTC); an empty string for no time. */
  public static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** For a {@code <time datetime>} attribute. */
  public static String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** {@code 4 s}, {@code 3 min 05 s}, {@code 2 h 07 min}, {@code 3 d 4 h}. */
  public static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return "%d min %02d s".formatted(s / 60, s % 60);
    }
    if (s < 86400) {
      return "%d h %02d min".formatted(s / 3600, (s % 3600) / 60);
    }
    return "%d d %d h".formatted(s / 86400, (s % 86400) / 3600);
  }

  /** Milliseconds: {@code 350 ms}, {@code 4.2 s}, then as {@link #duration(Duration)}. */
  public static String millis(Long ms) {
    if (ms == null) {
      return "";
    }
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return duration(Duration.ofMillis(ms));
  }

  public static String duration(Instant from, Instant to) {
    return from == null || to == null ? "" : duration(Duration.between(from, to));
  }

  /** A value for a link's query string ({@code F%20one}); jte then escapes it for the attribute. */
  public static String query(String value) {
    return value == null
        ? ""
        : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code 12 s ago}; {@code never} for no time. */
  public static String ago(Instant then, Instant now) {
    return then == null ? "never" : duration(then, now) + " ago";
  }

  /** An execution status as words ({@code ended unexpectedly}); the code if unknown. */
  public static String status(int code) {
    try {
      return OperationStatus.of(code).label();
    } catch (IllegalArgumentException unknown) {
      return String.valueOf(code);
    }
  }

  /** The CSS class of a status badge, e.g. {@code s-running}. */
  public static String statusClass(int code) {
    return "s-" + status(code).replace(' ', '-');
  }

  /** A message type as SSIS names it ({@code Error}, {@code PreExecute}...). */
  public static String messageType(int code) {
    return MessageType.parse(String.valueOf(code))
        .map(MessageType::label)
        .orElse(String.valueOf(code));
  }

  /** A certificate's expiry: {@code 2027-01-05 (in 29 d 3 h)}, or {@code expired ... ago}. */
  public static String expiry(Instant expires, Instant now) {
    if (expires == null) {
      return "not recorded yet";
    }
    String date = time(expires) + " UTC";
    return expires.isAfter(now)
        ? date + " (in " + duration(now, expires) + ")"
        : date + " (expired " + duration(expires, now) + " ago)";
  }

  /** Whether a certificate expires within 30 days (or has): time to renew it. */
  public static boolean expiresSoon(Instant expires, Instant now) {
    return expires != null && expires.isBefore(now.plus(Duration.ofDays(30)));
  }

  /** The first 16 hex digits of a fingerprint, for tables (the page shows all of it on hover). */
  public static String shortFingerprint(String fingerprint) {
    if (fingerprint == null) {
      return "";
    }
    String hex = fingerprint.replace(":", "");
    return hex.length() <= 16 ? hex : hex.substring(0, 16) + "…";
  }
}
