package io.sluice.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
    byte[] body = body(ctx, maxBytes);
    if (body.length == 0) {
      throw ApiException.badRequest(
          "the request has no body", "send a JSON object (Content-Type: application/json)");
    }
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
          "send JSON as the API documentation shows (docs/scale-out.md)");
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

  private static byte[] body(Context ctx, long maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(declared, maxBytes);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(total, maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw ApiException.badRequest(
          "the request body could not be read: " + e.getMessage(), "send it again");
    }
  }

  private static ApiException tooLarge(long size, long maxBytes) {
    return ApiException.badRequest(
        "the body is too large (" + size + " bytes, at most " + maxBytes + ")",
        "send less at once, e.g. smaller event batches");
  }
}
