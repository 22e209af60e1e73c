package io.sluice.catalog.operation;

import io.sluice.catalog.CatalogException;

/** Kinds of operation, with SSIS's codes (catalog.operations.operation_type). */
public enum OperationType implements CodedName {
  RETENTION_CLEANUP(2, "retention cleanup"),
  DEPLOY(101, "deploy"),
  RESTORE(106, "restore"),
  EXECUTION(200, "execution"),
  STOP(202, "stop"),
  VALIDATE_PROJECT(300, "validate project"),
  VALIDATE_PACKAGE(301, "validate package");

  private final int code;
  private final String label;

  OperationType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static OperationType of(int code) {
    return CodedName.byCode(values(), code)
        .orElseThrow(() -> new IllegalArgumentException("unknown operation type " + code));
  }

  /** Reads a type as users type it: the code ({@code 101}) or the name ({@code deploy}). */
  public static OperationType parse(String text) {
    return CodedName.parse(values(), text)
        .orElseThrow(
            () ->
                CatalogException.invalid(
                    "unknown operation type '" + text + "'",
                    "use a code or name: 2 retention-cleanup, 101 deploy, 106 restore,"
                        + " 200 execution, 202 stop, 300 validate-project, 301 validate-package"));
  }

  public static String display(int code) {
    return CodedName.display(values(), code);
  }
}
