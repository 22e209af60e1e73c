package io.sluice.worker.config;

/** worker.yaml is missing, unreadable or wrong; the message names the setting, the hint the fix. */
public final class WorkerSettingsException extends RuntimeException {

  private final String hint;

  public WorkerSettingsException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
