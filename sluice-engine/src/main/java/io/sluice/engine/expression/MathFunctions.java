package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import io.sluice.engine.type.Integers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** ABS CEILING FLOOR ROUND SIGN EXP LN LOG POWER SQRT SQUARE. */
final class MathFunctions {

  private MathFunctions() {}

  static Node abs(Call call) {
    call.expectArguments(1);
    DataType type = call.numeric(0).type;
    return call.node(
        type,
        (args, ctx) -> {
          Object v = args[0];
          if (v instanceof Double d) {
            return Math.abs(d);
          }
          if (v instanceof Float f) {
            return Math.abs(f);
          }
          if (v instanceof BigDecimal d) {
            return d.abs();
          }
          if (v instanceof BigInteger i) {
            return i;
          }
          long x = Numbers.asLong(v);
          if (x == Long.MIN_VALUE) {
            throw tooLarge(call, type);
          }
          return Integers.box(type.kind(), Math.abs(x), () -> tooLarge(call, type));
        });
  }

  /** CEILING and FLOOR keep the argument's type, and a decimal's scale (CEILING(1.2) = 2.0). */
  static Node ceilingOrFloor(Call call, boolean ceiling) {
    call.expectArguments(1);
    DataType type = call.numeric(0).type;
    RoundingMode mode = ceiling ? RoundingMode.CEILING : RoundingMode.FLOOR;
    return call.node(
        type,
        (args, ctx) -> {
          Object v = args[0];
          if (v instanceof Double d) {
            return ceiling ? Math.ceil(d) : Math.floor(d);
          }
          if (v instanceof Float f) {
            return (float) (ceiling ? Math.ceil(f) : Math.floor(f));
          }
          if (v instanceof BigDecimal d) {
            return d.setScale(0, mode).setScale(d.scale(), RoundingMode.UNNECESSARY);
          }
          return v;
        });
  }

  static Node round(Call call) {
    call.expectArguments(2);
    DataType type = call.numeric(0).type;
    call.integer(1);
    return call.node(
        type,
        (args, ctx) -> {
          long length = Numbers.asLong(args[1]);
          if (length < 0) {
            throw new FunctionNode.Failure(
                "The length "
                    + length
                    + " is not valid for function \"ROUND\". The length must be zero or positive.");
          }
          Object v = args[0];
          int digits = (int) Math.min(length, 100);
          if (v instanceof Double d) {
            return Double.isFinite(d) ? roundHalfUp(d, digits) : d;
          }
          if (v instanceof Float f) {
            return Float.isFinite(f) ? (float) roundHalfUp(f, digits) : f;
          }
          if (v instanceof BigDecimal d) {
            return digits >= d.scale()
                ? d
                : d.setScale(digits, RoundingMode.HALF_UP)
                    .setScale(d.scale(), RoundingMode.UNNECESSARY);
          }
          return v;
        });
  }

  private static double roundHalfUp(double d, int digits) {
    return BigDecimal.valueOf(d).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }

  static Node sign(Call call) {
    call.expectArguments(1);
    call.numeric(0);
    return call.node(
        DataType.I4,
        (args, ctx) -> {
          Object v = args[0];
          if (v instanceof Double || v instanceof Float) {
            return (int) Math.signum(((Number) v).doubleValue());
          }
          return Numbers.asBigDecimal(v).signum();
        });
  }

  static Node real(Call call, DoubleUnaryOperator operation) {
    call.expectArguments(1);
    Node argument = call.numeric(0);
    return call.node(
        DataType.R8,
        List.of(toDouble(argument)),
        (args, ctx) -> operation.applyAsDouble((Double) args[0]));
  }

  /** LN and LOG: SSIS gives NULL, not an error, for zero and negative arguments. */
  static Node logarithm(Call call, DoubleUnaryOperator operation) {
    call.expectArguments(1);
    Node argument = call.numeric(0);
    return call.node(
        DataType.R8,
        List.of(toDouble(argument)),
        (args, ctx) -> {
          double x = (Double) args[0];
          return x <= 0 ? null : operation.applyAsDouble(x);
        });
  }

  static Node sqrt(Call call) {
    call.expectArguments(1);
    Node argument = call.numeric(0);
    return call.node(
        DataType.R8,
        List.of(toDouble(argument)),
        (args, ctx) -> {
          double x = (Double) args[0];
          if (x < 0) {
            throw new FunctionNode.Failure(
                "The function \"SQRT\" cannot take the square root of the negative value "
                    + x
                    + ".");
          }
          return Math.sqrt(x);
        });
  }

  static Node power(Call call) {
    call.expectArguments(2);
    Node base = call.numeric(0);
    Node exponent = call.numeric(1);
    return call.node(
        DataType.R8,
        List.of(toDouble(base), toDouble(exponent)),
        (args, ctx) -> {
          double x = (Double) args[0];
          double y = (Double) args[1];
          if (x == 0 && y < 0) {
            throw new FunctionNode.Failure(
                "The function \"POWER\" cannot raise zero to the negative power " + y + ".");
          }
          double result = Math.pow(x, y);
          // SSIS returns NULL for indeterminate results such as POWER(-8, 0.5).
          return Double.isNaN(result) ? null : result;
        });
  }

  private static Node toDouble(Node node) {
    return node.type.kind() == Kind.DT_R8 ? node : new CastNode(node, DataType.R8, node.position);
  }

  private static FunctionNode.Failure tooLarge(Call call, DataType type) {
    return new FunctionNode.Failure(
        "The result of the function call \""
            + call.name
            + "\" is too large to fit in type \""
            + type.name()
            + "\".");
  }
}
