package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/**
 * {@code &&} and {@code ||} with SSIS's three-valued logic: FALSE && NULL is FALSE, TRUE || NULL is
 * TRUE, other combinations with NULL are NULL. The right side is skipped when the left decides.
 */
final class LogicalNode extends Node {

  private final boolean isAnd;
  private final Node left;
  private final Node right;

  LogicalNode(boolean isAnd, Node left, Node right, int position) {
    super(DataType.BOOL, position);
    this.isAnd = isAnd;
    this.left = left;
    this.right = right;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    // The deciding value: FALSE for AND, TRUE for OR.
    Boolean decisive = !isAnd;
    Object a = left.evaluate(context);
    if (decisive.equals(a)) {
      return decisive;
    }
    Object b = right.evaluate(context);
    if (decisive.equals(b)) {
      return decisive;
    }
    return a == null || b == null ? null : !decisive;
  }
}
