package io.sluice.master.http;

import io.sluice.protocol.ErrorReply;

/** A refusal with its HTTP status, answered as an {@link ErrorReply}: what is wrong, what to do. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String hint;

  public ApiException(int status, String message, String hint) {
    super(message);
    this.status = status;
    this.hint = hint;
  }

  public static ApiException badRequest(String message, String hint) {
    return new ApiException(400, message, hint);
  }

  public static ApiException unauthorized(String message, String hint) {
    return new ApiException(401, message, hint);
  }

  public static ApiException forbidden(String message, String hint) {
    return new ApiException(403, message, hint);
  }

  public static ApiException notFound(String message, String hint) {
    return new ApiException(404, message, hint);
  }

  public static ApiException conflict(String message, String hint) {
    return new ApiException(409, message, hint);
  }

  /** 413: a body, or a file inside it, is larger than the master takes. */
  public static ApiException payloadTooLarge(String message, String hint) {
    return new ApiException(413, message, hint);
  }

  public int status() {
    return status;
  }

  public ErrorReply reply() {
    return new ErrorReply(getMessage(), hint);
  }
}
