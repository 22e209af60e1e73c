package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** {@code +} on two strings. */
final class ConcatNode extends Node {

  private final Node left;
  private final Node right;

  ConcatNode(Node left, Node right, DataType type, int position) {
    super(type, position);
    this.left = left;
    this.right = right;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object a = left.evaluate(context);
    if (a == null) {
      return null;
    }
    Object b = right.evaluate(context);
    return b == null ? null : ((String) a).concat((String) b);
  }
}
