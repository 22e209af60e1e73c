package io.sluice.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Strict JSON in and out. Unknown fields, nulls for numbers and trailing garbage are refused: a
 * client that sends what the master does not understand hears so (400), instead of a silently
 * half-read request.
 */
public final class Json {

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** The request body as {@code type}; 400 when it is too large, not JSON, or not that shape. */
  public static <T> T read(Context ctx, Class<T> type, long maxBytes) {
    byte[] body = RequestBodies.read(ctx, maxBytes);
    if (body.length == 0) {
      throw ApiException.badRequest(
          "the request has no body", "send a JSON object (Content-Type: application/json)");
    }
    return parse(body, type);
  }

  /** Like {@link #read}, but an empty body means {@code absent}: for bodies that are optional. */
  public static <T> T readOptional(Context ctx, Class<T> type, long maxBytes, T absent) {
    byte[] body = RequestBodies.read(ctx, maxBytes);
    return body.length == 0 ? absent : parse(body, type);
  }

  private static <T> T parse(byte[] body, Class<T> type) {
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest("the body is null", "send a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          "unknown field '" + e.getPropertyName() + "' in " + type.getSimpleName(),
          "known fields: " + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(),
          "send JSON as the API documentation shows (docs/rest-api.md)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code value} as JSON with {@code status}. */
  public static void write(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static void ok(Context ctx, Object value) {
    write(ctx, 200, value);
  }
}
