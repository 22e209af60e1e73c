package io.sluice.engine.runtime.expression;

/**
 * An expression that does not compile (syntax, unknown variable, type error) or fails while
 * evaluated (e.g. division by zero).
 *
 * @see #position() 1-based character position in the expression text, 0 when unknown
 */
public final class ExpressionError extends RuntimeException {

  private final String expression;
  private final int position;

  public ExpressionError(String expression, int position, String message, Throwable cause) {
    super(message, cause);
    this.expression = expression;
    this.position = position;
  }

  public String expression() {
    return expression;
  }

  public int position() {
    return position;
  }

  /** The cause as users should read it: what is wrong, where, and in which expression. */
  public String describe() {
    return getMessage()
        + (position > 0 ? " at position " + position : "")
        + " in expression \""
        + expression
        + "\"";
  }
}
