package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import io.sluice.engine.type.Integers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code * / % + -} on numbers. Integer and real operands arrive already converted to the result
 * type; exact decimals are combined as BigDecimal and fitted to the result's precision and scale.
 */
final class ArithmeticNode extends Node {

  private final String operator;

  /** The operator's character, switched on per row (a switch on the string hashes and compares). */
  private final char op;

  private final Node left;
  private final Node right;
  private final Kind kind;

  /** Results for the variable operand's recent values, when the other operand is a constant. */
  private final DecimalMemo memo;

  private final boolean constantLeft;

  ArithmeticNode(String operator, Node left, Node right, DataType type, int position) {
    super(type, position);
    this.operator = operator;
    this.op = operator.charAt(0);
    this.left = left;
    this.right = right;
    this.kind = type.kind();
    this.constantLeft = left.isConstant();
    this.memo =
        kind.isExactDecimal() && constantLeft != right.isConstant() ? new DecimalMemo() : null;
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
    if (kind.isExactDecimal()) {
      return memo == null ? exact(a, b) : memoized(a, b);
    }
    return switch (kind) {
      case DT_R8 -> real(((Double) a), ((Double) b));
      case DT_R4 -> (float) real(((Float) a), ((Float) b));
      case DT_UI8 -> unsignedLong((BigInteger) a, (BigInteger) b);
      default -> integer(Numbers.asLong(a), Numbers.asLong(b));
    };
  }

  private BigDecimal exact(Object a, Object b) {
    return exact(Numbers.asBigDecimal(a), Numbers.asBigDecimal(b));
  }

  /**
   * {@code 1 - l_discount}: the constant operand makes the result a function of the other one, and
   * columns like that repeat few values (a source's value cache even hands out the same object), so
   * the result of a recent value is reused instead of computing and allocating it again.
   */
  private BigDecimal memoized(Object a, Object b) {
    Object variable = constantLeft ? b : a;
    BigDecimal known = memo.find(variable);
    if (known != null) {
      return known;
    }
    BigDecimal result = exact(a, b);
    memo.put(variable, result);
    return result;
  }

  private Object integer(long a, long b) {
    long result;
    try {
      result =
          switch (op) {
            case '+' -> Math.addExact(a, b);
            case '-' -> Math.subtractExact(a, b);
            case '*' -> Math.multiplyExact(a, b);
            case '/' -> divide(a, b);
            default -> a % nonZero(b);
          };
    } catch (ArithmeticException e) {
      throw overflow();
    }
    return Integers.box(kind, result, this::overflow);
  }

  private long divide(long a, long b) {
    if (a == Long.MIN_VALUE && b == -1) {
      throw overflow();
    }
    return a / nonZero(b);
  }

  private Object unsignedLong(BigInteger a, BigInteger b) {
    BigInteger result =
        switch (op) {
          case '+' -> a.add(b);
          case '-' -> a.subtract(b);
          case '*' -> a.multiply(b);
          case '/' -> a.divide(nonZero(b));
          default -> a.remainder(nonZero(b));
        };
    return Integers.box(kind, result, this::overflow);
  }

  private double real(double a, double b) {
    double result =
        switch (op) {
          case '+' -> a + b;
          case '-' -> a - b;
          case '*' -> a * b;
          default -> a / (b == 0 ? nonZero(0L) : b);
        };
    if (Double.isInfinite(result) || (kind == Kind.DT_R4 && Math.abs(result) > Float.MAX_VALUE)) {
      throw overflow();
    }
    return result;
  }

  private BigDecimal exact(BigDecimal a, BigDecimal b) {
    BigDecimal result =
        switch (op) {
          case '+' -> a.add(b);
          case '-' -> a.subtract(b);
          case '*' -> a.multiply(b);
          default -> {
            if (b.signum() == 0) {
              throw divideByZero();
            }
            yield a.divide(b, type.scale(), RoundingMode.HALF_UP);
          }
        };
    BigDecimal scaled = result.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      throw overflow();
    }
    return scaled;
  }

  private long nonZero(long b) {
    if (b == 0) {
      throw divideByZero();
    }
    return b;
  }

  private BigInteger nonZero(BigInteger b) {
    if (b.signum() == 0) {
      throw divideByZero();
    }
    return b;
  }

  private EvaluationFailure divideByZero() {
    return new EvaluationFailure(
        "A divide-by-zero error occurred. The right side operand evaluates to zero.",
        "operator \"" + operator + "\"",
        position);
  }

  private EvaluationFailure overflow() {
    return new EvaluationFailure(
        "The result of the binary operation \""
            + operator
            + "\" exceeds the maximum size for result data type \""
            + type.name()
            + "\".",
        "operator \"" + operator + "\"",
        position);
  }
}
