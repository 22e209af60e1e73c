package io.sluice.catalog.operation;

import io.sluice.catalog.CatalogException;

/**
 * Status of an operation, with SSIS's codes. An execution is an operation (type 200), so executions
 * use the same codes: users moving off SSISDB read "7" as succeeded in both.
 */
public enum OperationStatus implements CodedName {
  CREATED(1, "created"),
  RUNNING(2, "running"),
  CANCELED(3, "canceled"),
  FAILED(4, "failed"),
  PENDING(5, "pending"),
  ENDED_UNEXPECTEDLY(6, "ended unexpectedly"),
  SUCCEEDED(7, "succeeded"),
  STOPPING(8, "stopping"),
  COMPLETED(9, "completed");

  private final int code;
  private final String label;

  OperationStatus(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Whether nothing will happen to it any more. */
  public boolean isFinal() {
    return switch (this) {
      case CANCELED, FAILED, ENDED_UNEXPECTEDLY, SUCCEEDED, COMPLETED -> true;
      case CREATED, RUNNING, PENDING, STOPPING -> false;
    };
  }

  public static OperationStatus of(int code) {
    return CodedName.byCode(values(), code)
        .orElseThrow(() -> new IllegalArgumentException("unknown operation status " + code));
  }

  /** Reads a status as users type it: the code ({@code 7}) or the name ({@code succeeded}). */
  public static OperationStatus parse(String text) {
    return CodedName.parse(values(), text)
        .orElseThrow(
            () ->
                CatalogException.invalid(
                    "unknown status '" + text + "'",
                    "use a code or name: 1 created, 2 running, 3 canceled, 4 failed, 5 pending,"
                        + " 6 ended-unexpectedly, 7 succeeded, 8 stopping, 9 completed"));
  }

  /** How a stored code reads, tolerating codes this version does not know. */
  public static String display(int code) {
    return CodedName.display(values(), code);
  }
}
