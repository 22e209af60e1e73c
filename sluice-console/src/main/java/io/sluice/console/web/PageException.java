package io.sluice.console.web;

/** A refusal the console answers with an error page: the status, what happened and what to do. */
public final class PageException extends RuntimeException {

  private final int status;
  private final String title;
  private final String hint;

  public PageException(int status, String title, String message, String hint) {
    super(message);
    this.status = status;
    this.title = title;
    this.hint = hint;
  }

  public static PageException notFound(String message, String hint) {
    return new PageException(404, "Not found", message, hint);
  }

  public static PageException badRequest(String message, String hint) {
    return new PageException(400, "Cannot read the request", message, hint);
  }

  public static PageException forbidden(String message, String hint) {
    return new PageException(403, "Refused", message, hint);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String hint() {
    return hint;
  }
}
