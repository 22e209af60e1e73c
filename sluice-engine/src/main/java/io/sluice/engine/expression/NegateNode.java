package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.Integers;
import java.math.BigDecimal;

/** Unary {@code -} on a signed number. */
final class NegateNode extends Node {

  private final Node operand;

  NegateNode(Node operand, int position) {
    super(operand.type, position);
    this.operand = operand;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object value = operand.evaluate(context);
    if (value == null) {
      return null;
    }
    if (value instanceof Double d) {
      return -d;
    }
    if (value instanceof Float f) {
      return -f;
    }
    if (value instanceof BigDecimal d) {
      return d.negate();
    }
    long x = Numbers.asLong(value);
    if (x == Long.MIN_VALUE) {
      throw overflow();
    }
    return Integers.box(type.kind(), -x, this::overflow);
  }

  private EvaluationFailure overflow() {
    return new EvaluationFailure(
        "The result of the unary operation \"-\" exceeds the maximum size for result data type \""
            + type.name()
            + "\".",
        "operator \"-\"",
        position);
  }

  static boolean accepts(DataType type) {
    return type.kind().isNumeric() && !type.kind().isUnsignedInteger();
  }
}
