package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** Unary {@code !} on a Boolean. */
final class NotNode extends Node {

  private final Node operand;

  NotNode(Node operand, int position) {
    super(DataType.BOOL, position);
    this.operand = operand;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object value = operand.evaluate(context);
    return value == null ? null : !(Boolean) value;
  }
}
