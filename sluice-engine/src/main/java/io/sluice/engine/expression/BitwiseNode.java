package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.Integers;
import java.math.BigInteger;

/** {@code & | ^} on integers already converted to the result type. */
final class BitwiseNode extends Node {

  private final String operator;
  private final Node left;
  private final Node right;

  BitwiseNode(String operator, Node left, Node right, DataType type, int position) {
    super(type, position);
    this.operator = operator;
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
    if (b == null) {
      return null;
    }
    if (a instanceof BigInteger x) {
      BigInteger y = (BigInteger) b;
      return switch (operator) {
        case "&" -> x.and(y);
        case "|" -> x.or(y);
        default -> x.xor(y);
      };
    }
    long x = Numbers.asLong(a);
    long y = Numbers.asLong(b);
    long result =
        switch (operator) {
          case "&" -> x & y;
          case "|" -> x | y;
          default -> x ^ y;
        };
    // Both operands fit the type, so the result does too.
    return Integers.box(type.kind(), result, IllegalStateException::new);
  }
}
