package io.sluice.catalog;

/**
 * A catalog operation was refused. The message names the problem; the hint says what to do. The
 * reason lets each front end answer in its own terms (CLI exit code, HTTP status).
 */
public class CatalogException extends RuntimeException {

  /** Why an operation was refused. */
  public enum Reason {
    /** The request itself is wrong: a bad name, value or combination (HTTP 400). */
    INVALID,
    /** Something the request names does not exist (HTTP 404). */
    NOT_FOUND,
    /** The request clashes with what is stored: a duplicate, or a wrong state (HTTP 409). */
    CONFLICT
  }

  private final Reason reason;
  private final String hint;

  public CatalogException(Reason reason, String message, String hint) {
    super(message);
    this.reason = reason;
    this.hint = hint;
  }

  public static CatalogException invalid(String message, String hint) {
    return new CatalogException(Reason.INVALID, message, hint);
  }

  public static CatalogException notFound(String message, String hint) {
    return new CatalogException(Reason.NOT_FOUND, message, hint);
  }

  public static CatalogException conflict(String message, String hint) {
    return new CatalogException(Reason.CONFLICT, message, hint);
  }

  public Reason reason() {
    return reason;
  }

  /** What the user can do about it, or null. */
  public String hint() {
    return hint;
  }
}
