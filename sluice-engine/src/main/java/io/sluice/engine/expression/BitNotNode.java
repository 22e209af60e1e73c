package io.sluice.engine.expression;

import io.sluice.engine.type.DataType.Kind;
import io.sluice.engine.type.Integers;
import java.math.BigInteger;

/** Unary {@code ~}: flips the bits of an integer within the width of its type. */
final class BitNotNode extends Node {

  private static final BigInteger UI8_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Node operand;

  BitNotNode(Node operand, int position) {
    super(operand.type, position);
    this.operand = operand;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object value = operand.evaluate(context);
    if (value == null) {
      return null;
    }
    Kind kind = type.kind();
    if (kind == Kind.DT_UI8) {
      return ((BigInteger) value).xor(UI8_MASK);
    }
    long x = Numbers.asLong(value);
    long flipped = kind.isUnsignedInteger() ? x ^ Integers.max(kind) : ~x;
    return Integers.box(kind, flipped, IllegalStateException::new);
  }
}
