package io.sluice.engine.runtime.controlflow;

/** How one run of an executable ended, with SSIS's execution_result codes. */
public enum ExecutionResult {
  SUCCESS(0),
  FAILURE(1),
  COMPLETION(2),
  CANCELED(3);

  private final int code;

  ExecutionResult(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
