package io.sluice.master.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body with a size limit, counting as it reads: a client that declares a small
 * length and sends more, or sends chunks, is stopped at the limit (413, as JSON like every refusal)
 * instead of filling memory.
 *
 * <p>A body somewhat over the limit is read to its end and thrown away before the 413 is sent.
 * Answering while the client is still sending makes Jetty close the connection with unread bytes in
 * its socket, the kernel then resets it, and a reset can destroy the answer before the client reads
 * it: the client sees "connection reset" instead of the message naming the limit. Only bodies more
 * than {@link #DRAIN_BYTES} over the limit are cut off unread.
 *
 * <p>This is the only size limit on bodies: no route reads one through Javalin ({@code ctx.body()}
 * and its {@code maxRequestSize}), and Jetty sets none of its own.
 */
public final class RequestBodies {

  /** How far past the limit a body is still read (and discarded) so its client gets the answer. */
  static final long DRAIN_BYTES = 4L * 1024 * 1024;

  private RequestBodies() {}

  /** The whole body; 413 when it is larger than {@code maxBytes}, 400 when it cannot be read. */
  public static byte[] read(Context ctx, long maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes + DRAIN_BYTES) {
      throw tooLarge(declared, maxBytes);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes + DRAIN_BYTES) {
          break;
        }
        if (total <= maxBytes) {
          out.write(buffer, 0, n);
        }
      }
      if (total > maxBytes) {
        throw tooLarge(Math.max(total, declared), maxBytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw ApiException.badRequest(
          "the request body could not be read: " + e.getMessage(), "send it again");
    }
  }

  private static ApiException tooLarge(long size, long maxBytes) {
    return ApiException.payloadTooLarge(
        "the body is too large (" + size + " bytes, at most " + maxBytes + ")",
        "send less at once, e.g. smaller event batches or a smaller project archive");
  }
}
