package io.sluice.engine.expression;

import io.sluice.engine.expression.CompareNode.Family;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;

/** Type-checks operators and builds their nodes, inserting SSIS's implicit conversions. */
final class Operators {

  private final Call.Errors errors;

  Operators(Call.Errors errors) {
    this.errors = errors;
  }

  Node unary(String operator, Node operand, int position) {
    Kind kind = operand.type.kind();
    return switch (operator) {
      case "-" -> {
        if (!NegateNode.accepts(operand.type)) {
          throw unsupportedUnary(operand, operator, position);
        }
        yield new NegateNode(operand, position);
      }
      case "!" -> {
        if (kind != Kind.DT_BOOL) {
          throw unsupportedUnary(operand, operator, position);
        }
        yield new NotNode(operand, position);
      }
      default -> {
        if (!kind.isInteger()) {
          throw unsupportedUnary(operand, operator, position);
        }
        yield new BitNotNode(operand, position);
      }
    };
  }

  Node binary(String operator, Node left, Node right, int position) {
    return switch (operator) {
      case "+", "-", "*", "/", "%" -> arithmetic(operator, left, right, position);
      case "&&", "||" -> logical(operator, left, right, position);
      case "&", "|", "^" -> bitwise(operator, left, right, position);
      default -> comparison(operator, left, right, position);
    };
  }

  private Node arithmetic(String operator, Node left, Node right, int position) {
    Kind a = left.type.kind();
    Kind b = right.type.kind();
    if (operator.equals("+") && a.isCharacter() && b.isCharacter()) {
      return concatenation(left, right, position);
    }
    if (!a.isNumeric() || !b.isNumeric()) {
      throw incompatible(left, right, operator, position);
    }
    if (operator.equals("%") && (!a.isInteger() || !b.isInteger())) {
      throw unsupportedBinary(a.isInteger() ? right : left, operator, position);
    }
    DataType common =
        TypeRules.commonNumeric(left.type, right.type)
            .orElseThrow(() -> incompatible(left, right, operator, position));
    if (common.kind().isExactDecimal()) {
      DataType result = TypeRules.exactResult(operator, left.type, right.type);
      return new ArithmeticNode(operator, left, right, result, position);
    }
    return new ArithmeticNode(
        operator, convert(left, common), convert(right, common), common, position);
  }

  private Node concatenation(Node left, Node right, int position) {
    boolean large = !left.type.kind().isString() || !right.type.kind().isString();
    DataType type =
        large ? DataType.NTEXT : DataType.wstr(Call.lengthOf(left) + Call.lengthOf(right));
    return new ConcatNode(left, right, type, position);
  }

  private Node logical(String operator, Node left, Node right, int position) {
    for (Node operand : new Node[] {left, right}) {
      if (operand.type.kind() != Kind.DT_BOOL) {
        throw unsupportedBinary(operand, operator, position);
      }
    }
    return new LogicalNode(operator.equals("&&"), left, right, position);
  }

  private Node bitwise(String operator, Node left, Node right, int position) {
    for (Node operand : new Node[] {left, right}) {
      if (!operand.type.kind().isInteger()) {
        throw unsupportedBinary(operand, operator, position);
      }
    }
    DataType common =
        TypeRules.commonNumeric(left.type, right.type)
            .orElseThrow(() -> incompatible(left, right, operator, position));
    return new BitwiseNode(
        operator, convert(left, common), convert(right, common), common, position);
  }

  private Node comparison(String operator, Node left, Node right, int position) {
    Kind a = left.type.kind();
    Kind b = right.type.kind();
    boolean ordering = !operator.equals("==") && !operator.equals("!=");
    Family family;
    if (a.isNumeric() && b.isNumeric()) {
      DataType common =
          TypeRules.commonNumeric(left.type, right.type)
              .orElseThrow(() -> incompatible(left, right, operator, position));
      Kind c = common.kind();
      family =
          c.isReal()
              ? Family.REAL
              : c.isInteger() && c != Kind.DT_UI8 ? Family.INTEGER : Family.DECIMAL;
    } else if (a.isCharacter() && b.isCharacter()) {
      family = Family.STRING;
    } else if (a.isDateOrTime() && b.isString() || a.isString() && b.isDateOrTime()) {
      // A date string compared with a date is read as that date type ("7/4/2003" == GETDATE()).
      Node date = a.isDateOrTime() ? left : right;
      Node converted = new CastNode(a.isDateOrTime() ? right : left, date.type, position);
      return comparison(
          operator,
          a.isDateOrTime() ? left : converted,
          a.isDateOrTime() ? converted : right,
          position);
    } else if (a.isDateOrTime() && b.isDateOrTime()) {
      if (a.isTime() != b.isTime()) {
        throw incompatible(left, right, operator, position);
      }
      family = a.isTime() ? Family.TIME : Family.DATE_TIME;
    } else if (a == b && a == Kind.DT_BOOL) {
      family = Family.BOOLEAN;
    } else if (a == b && a == Kind.DT_GUID) {
      family = Family.GUID;
    } else if (a.isBinary() && b.isBinary()) {
      family = Family.BINARY;
    } else {
      throw incompatible(left, right, operator, position);
    }
    boolean equalityOnly =
        family == Family.BOOLEAN || family == Family.GUID || family == Family.BINARY;
    if (ordering && equalityOnly) {
      throw unsupportedBinary(left, operator, position);
    }
    return new CompareNode(operator, left, right, family, position);
  }

  Node conditional(Node condition, Node whenTrue, Node whenFalse, int position) {
    DataType type = conditionalType(whenTrue.type, whenFalse.type, position);
    return new ConditionalNode(
        condition, convert(whenTrue, type), convert(whenFalse, type), type, position);
  }

  private DataType conditionalType(DataType a, DataType b, int position) {
    Kind x = a.kind();
    Kind y = b.kind();
    if (a.equals(b)) {
      return a;
    }
    if (x.isNumeric() && y.isNumeric()) {
      return TypeRules.commonNumeric(a, b)
          .orElseThrow(() -> incompatibleConditional(a, b, position));
    }
    if (x.isString() && y.isString()) {
      return DataType.wstr(Math.max(lengthOf(a), lengthOf(b)));
    }
    if (x.isBinary() && y.isBinary()) {
      return DataType.bytes(Math.max(a.length(), b.length()));
    }
    if (x.isTime() && y.isTime()) {
      return DataType.dbTime2(7);
    }
    if (x.isDate() && y.isDate()) {
      if (x == Kind.DT_DBTIMESTAMPOFFSET || y == Kind.DT_DBTIMESTAMPOFFSET) {
        return DataType.dbTimestampOffset(7);
      }
      return x == Kind.DT_DBTIMESTAMP2 || y == Kind.DT_DBTIMESTAMP2
          ? DataType.dbTimestamp2(7)
          : DataType.DBTIMESTAMP;
    }
    throw incompatibleConditional(a, b, position);
  }

  private static int lengthOf(DataType type) {
    return type.length() > 0 ? type.length() : DataType.MAX_WSTR_LENGTH;
  }

  /** Wraps a node in an implicit conversion when its type differs from the wanted one. */
  private static Node convert(Node node, DataType type) {
    if (node.type.equals(type) || node.type.kind().isString() && type.kind().isString()) {
      return node;
    }
    return new CastNode(node, type, node.position);
  }

  private ExpressionException incompatible(Node left, Node right, String operator, int position) {
    return errors.at(
        position,
        "The data types \""
            + left.type.name()
            + "\" and \""
            + right.type.name()
            + "\" are incompatible for binary operator \""
            + operator
            + "\" (cast one or both operands explicitly)");
  }

  private ExpressionException incompatibleConditional(DataType a, DataType b, int position) {
    return errors.at(
        position,
        "The data types \""
            + a.name()
            + "\" and \""
            + b.name()
            + "\" are incompatible for the conditional operator (cast one or both operands"
            + " explicitly)");
  }

  private ExpressionException unsupportedBinary(Node operand, String operator, int position) {
    return errors.at(
        position,
        "The data type \""
            + operand.type.name()
            + "\" cannot be used with binary operator \""
            + operator
            + "\"");
  }

  private ExpressionException unsupportedUnary(Node operand, String operator, int position) {
    return errors.at(
        position,
        "The data type \""
            + operand.type.name()
            + "\" cannot be used with unary operator \""
            + operator
            + "\"");
  }
}
