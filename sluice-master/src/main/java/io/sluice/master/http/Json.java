package io.sluice.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
    } catch (StreamReadException e) {
      throw BodyErrors.malformed(e);
    } catch (UnrecognizedPropertyException e) {
      throw BodyErrors.unknownField(e, type);
    } catch (MismatchedInputException e) {
      throw BodyErrors.mismatch(e, body, type);
    } catch (ValueInstantiationException e) {
      // The body's own check refused it (a record's constructor): its words, not Jackson's.
      throw ApiException.badRequest(
          "the body is not valid: "
              + (e.getCause() == null ? "refused" : e.getCause().getMessage()),
          "send JSON as the API documentation shows (docs/rest-api.md)");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body cannot be read as this request",
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
