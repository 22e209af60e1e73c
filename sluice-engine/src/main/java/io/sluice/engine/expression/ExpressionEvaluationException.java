package io.sluice.engine.expression;

/**
 * Evaluating a compiled expression failed for the current values (overflow, divide by zero, a bad
 * function argument, a failed conversion). Names the operator or function that failed.
 */
public final class ExpressionEvaluationException extends RuntimeException {

  private final String operation;
  private final String expression;
  private final int position;

  public ExpressionEvaluationException(
      String message, String operation, String expression, int position) {
    super(message + " (" + operation + " at position " + position + " in: " + expression + ")");
    this.operation = operation;
    this.expression = expression;
    this.position = position;
  }

  /** The operator or function that failed, e.g. {@code operator "/"} or {@code SUBSTRING}. */
  public String operation() {
    return operation;
  }

  public String expression() {
    return expression;
  }

  /** 1-based position of the failing operator or function in the expression. */
  public int position() {
    return position;
  }
}
