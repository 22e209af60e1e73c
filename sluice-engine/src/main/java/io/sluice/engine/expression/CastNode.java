package io.sluice.engine.expression;

import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;

/** An explicit cast such as (DT_WSTR,10), or an implicit conversion the type rules require. */
final class CastNode extends Node {

  private final Node operand;

  CastNode(Node operand, DataType target, int position) {
    super(target, position);
    this.operand = operand;
  }

  /** What is cast: a literal when {@link Node#isConstant()}. */
  Node operand() {
    return operand;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object value = operand.evaluate(context);
    if (value == null) {
      return null;
    }
    try {
      return ValueConverter.convert(value, operand.type, type);
    } catch (DataConversionException e) {
      throw new EvaluationFailure(e.getMessage(), "cast to " + type.name(), position);
    }
  }
}
