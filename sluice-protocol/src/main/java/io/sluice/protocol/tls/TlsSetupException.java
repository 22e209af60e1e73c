package io.sluice.protocol.tls;

/** A certificate, key or trust setting is missing or wrong; the hint says how to fix it. */
public final class TlsSetupException extends RuntimeException {

  private final String hint;

  public TlsSetupException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
