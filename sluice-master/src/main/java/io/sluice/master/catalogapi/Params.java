package io.sluice.master.catalogapi;

import io.javalin.http.Context;
import io.sluice.master.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Path and query parameters read strictly: a malformed id, number or time is a 400 that says so.
 */
final class Params {

  private Params() {}

  /** A numeric id in the path, e.g. {@code executionId}; {@code what} names it in the message. */
  static long pathId(Context ctx, String param, String what) {
    String text = ctx.pathParam(param);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw ApiException.badRequest(
        "'" + text + "' is not a valid " + what + " id",
        what + " ids are whole numbers from 1 up, as the lists show them");
  }

  /** A whole number in the path. */
  static int pathNumber(Context ctx, String param, String what) {
    String text = ctx.pathParam(param);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'" + text + "' is not a valid " + what, "give a whole number, e.g. 1");
    }
  }

  /** An optional query parameter; null when absent or empty. */
  static String queryText(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** An optional query parameter that is an id (a whole number from 1 up). */
  static Long queryId(Context ctx, String name) {
    String text = queryText(ctx, name);
    if (text == null) {
      return null;
    }
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter " + name + "='" + text + "' is not an id",
        "give the id as the previous page gave it, e.g. " + name + "=1234");
  }

  /** An optional whole-number query parameter from {@code min} to {@code max}. */
  static Integer queryNumber(Context ctx, String name, int min, int max) {
    Integer value = queryNumber(ctx, name, min);
    if (value != null && value > max) {
      throw ApiException.badRequest(
          "query parameter " + name + "=" + value + " is more than " + max,
          "give at most " + name + "=" + max + " and page on");
    }
    return value;
  }

  /** An optional whole-number query parameter, at least {@code min}. */
  static Integer queryNumber(Context ctx, String name, int min) {
    String text = queryText(ctx, name);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter " + name + "='" + text + "' is not a whole number from " + min + " up",
        "e.g. " + name + "=" + Math.max(min, 100));
  }

  /**
   * An optional query parameter that is a point in time (ISO-8601 UTC, e.g. 2024-05-31T21:00:00Z).
   */
  static Instant queryTime(Context ctx, String name) {
    String text = queryText(ctx, name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "query parameter " + name + "='" + text + "' is not a time",
          "give an ISO-8601 UTC time, e.g. " + name + "=2024-05-31T21:00:00Z");
    }
  }

  /** A field of a JSON body that must be present. */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw ApiException.badRequest(
          "the field '" + field + "' is missing", "send it in the JSON body (docs/rest-api.md)");
    }
    return value;
  }
}
