package io.sluice.master.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body with a size limit, counting as it reads: a client that declares a small
 * length and sends more, or sends chunks, is stopped at the limit (400) instead of filling memory.
 */
public final class RequestBodies {

  private RequestBodies() {}

  /** The whole body; 400 when it is larger than {@code maxBytes} or cannot be read. */
  public static byte[] read(Context ctx, long maxBytes) {
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
        "send less at once, e.g. smaller event batches or a smaller project archive");
  }
}
