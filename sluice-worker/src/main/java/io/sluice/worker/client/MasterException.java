package io.sluice.worker.client;

/** A call to the masters failed; the message says what happened, the hint what to do. */
public class MasterException extends RuntimeException {

  private final String hint;

  public MasterException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
