package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** A literal, or a typed NULL from NULL(DT_...). */
final class ConstantNode extends Node {

  private final Object value;

  ConstantNode(DataType type, Object value, int position) {
    super(type, position);
    this.value = value;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    return value;
  }

  @Override
  boolean isConstant() {
    return true;
  }
}
