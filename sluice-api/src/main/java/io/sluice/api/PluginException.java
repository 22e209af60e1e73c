package io.sluice.api;

/**
 * A problem a plugin reports: a setting it cannot use, a column that is missing, a failure while it
 * runs. The message names the object and the cause; the hint, when given, names the fix. Sluice
 * reports both as it reports its own problems.
 */
public class PluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public PluginException(String message) {
    this(message, null, null);
  }

  public PluginException(String message, String hint) {
    this(message, hint, null);
  }

  public PluginException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** The fix, or null. */
  public String hint() {
    return hint;
  }
}
