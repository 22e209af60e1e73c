package io.sluice.master.config;

/** A master setting is missing or wrong; the hint says how to fix it. */
public final class SettingsException extends RuntimeException {

  private final String hint;

  public SettingsException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
