package io.sluice.worker.spool;

/** The execution log cache folder cannot be written (missing, read-only, full). */
public final class SpoolWriteException extends RuntimeException {

  private final String hint;

  public SpoolWriteException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
