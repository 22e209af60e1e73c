package io.sluice.engine.expression;

/**
 * An expression does not parse or does not type-check. Carries the expression text and the 1-based
 * character position of the problem.
 */
public final class ExpressionException extends RuntimeException {

  private final String expression;
  private final int position;
  private final String reason;

  public ExpressionException(String reason, String expression, int position) {
    super(reason + " at position " + position + " in: " + expression);
    this.reason = reason;
    this.expression = expression;
    this.position = position;
  }

  /** The full expression text. */
  public String expression() {
    return expression;
  }

  /** 1-based character position in {@link #expression()}. */
  public int position() {
    return position;
  }

  /** The problem without the location, e.g. {@code The function "FOO" was not recognized.}. */
  public String reason() {
    return reason;
  }
}
