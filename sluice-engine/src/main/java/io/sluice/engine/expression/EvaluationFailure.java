package io.sluice.engine.expression;

/**
 * Raised by nodes while evaluating; {@link Expression} adds the expression text and rethrows it as
 * {@link ExpressionEvaluationException}. Carries no stack trace: it is a data error, and bad rows
 * can be frequent in a data flow.
 */
final class EvaluationFailure extends RuntimeException {

  final String operation;
  final int position;

  EvaluationFailure(String message, String operation, int position) {
    super(message, null, false, false);
    this.operation = operation;
    this.position = position;
  }
}
