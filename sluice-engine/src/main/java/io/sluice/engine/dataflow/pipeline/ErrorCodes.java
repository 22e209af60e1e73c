package io.sluice.engine.dataflow.pipeline;

/**
 * The ErrorCode values of redirected rows, SSIS HRESULTs where SSIS has one for the cause; they are
 * what SSIS users test for in downstream expressions.
 */
public final class ErrorCodes {

  /** A value could not be converted. */
  public static final int CONVERSION_FAILED = 0xC020907F;

  /** A text value was longer than its column. */
  public static final int TRUNCATED = 0xC020902A;

  /** An expression failed for the row (divide by zero, overflow, bad argument). */
  public static final int EXPRESSION_FAILED = 0xC0209029;

  /** The row found no match in the lookup cache. */
  public static final int LOOKUP_NO_MATCH = 0xC020901E;

  /** The destination database refused the row (constraint violation, bad value). */
  public static final int DESTINATION_REJECTED = 0xC0202009;

  private ErrorCodes() {}
}
