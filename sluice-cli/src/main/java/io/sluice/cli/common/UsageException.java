package io.sluice.cli.common;

/** The command line or a file it names is wrong; exit code 2. */
public final class UsageException extends RuntimeException {

  private final String hint;

  public UsageException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
