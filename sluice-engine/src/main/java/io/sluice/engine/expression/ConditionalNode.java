package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** {@code condition ? whenTrue : whenFalse}; a NULL condition gives NULL. */
final class ConditionalNode extends Node {

  private final Node condition;
  private final Node whenTrue;
  private final Node whenFalse;

  ConditionalNode(Node condition, Node whenTrue, Node whenFalse, DataType type, int position) {
    super(type, position);
    this.condition = condition;
    this.whenTrue = whenTrue;
    this.whenFalse = whenFalse;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object test = condition.evaluate(context);
    if (test == null) {
      return null;
    }
    return ((Boolean) test ? whenTrue : whenFalse).evaluate(context);
  }
}
