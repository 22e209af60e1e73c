package io.sluice.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.protocol.ErrorReply;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals as the API's {@link ErrorReply}. Jetty answers some requests before any
 * route sees them: a path with {@code %00}, a malformed or non-UTF-8 escape, a character that must
 * be escaped, an unparsable request line or headers. Its default answer is an HTML page that no API
 * client reads as an error; this one answers the same JSON shape as every other refusal, on both
 * ports, for every method.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code = response.getStatus();
    String reason = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refused) {
      code = refused.getCode();
      response.setStatus(code);
      if (reason == null) {
        reason = refused.getReason();
      }
    }
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(reply(code, reason));
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return true;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** Jetty's reason ("Bad Request", "Illegal Path Character") in the API's words. */
  static ErrorReply reply(int code, String reason) {
    if (code == HttpStatus.BAD_REQUEST_400) {
      return new ErrorReply(
          "the request cannot be read: " + badRequest(reason),
          "escape names in paths as UTF-8 (a space is %20, a slash %2F); control characters such"
              + " as %00 are refused; see docs/rest-api.md");
    }
    if (code == HttpStatus.URI_TOO_LONG_414) {
      return new ErrorReply("the request's path is too long", "send shorter names");
    }
    if (code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
      return new ErrorReply("the request's headers are too large", "send fewer or shorter ones");
    }
    if (code >= 500) {
      return new ErrorReply(
          "the master could not handle this request",
          "try again; if it persists, look at the master's log");
    }
    return new ErrorReply(
        "the master refused the request (HTTP " + code + ")", "see docs/rest-api.md for the API");
  }

  private static String badRequest(String reason) {
    String said = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (said.contains("illegal path character")) {
      return "its path has a character that must be %-escaped";
    }
    if (said.contains("utf-8") || said.contains("utf8")) {
      return "its path has a %-escape that is not UTF-8";
    }
    if (said.contains("uri")) {
      return "its path is not a valid URI path";
    }
    return "its path or headers are malformed (a control character such as %00, or a %-escape"
        + " that is not two hex digits)";
  }
}
