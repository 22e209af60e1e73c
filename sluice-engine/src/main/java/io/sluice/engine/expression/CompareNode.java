package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

/** {@code == != < > <= >=}; the compiler decides which family of values is compared. */
final class CompareNode extends Node {

  /** How two operand values are compared. */
  enum Family {
    INTEGER,
    REAL,
    DECIMAL,
    STRING,
    BOOLEAN,
    DATE_TIME,
    TIME,
    GUID,
    BINARY
  }

  /** Which orders make the comparison true; decided once, not by a string switch per row. */
  private enum Test {
    EQUAL,
    NOT_EQUAL,
    LESS,
    GREATER,
    LESS_OR_EQUAL,
    GREATER_OR_EQUAL;

    static Test of(String operator) {
      return switch (operator) {
        case "==" -> EQUAL;
        case "!=" -> NOT_EQUAL;
        case "<" -> LESS;
        case ">" -> GREATER;
        case "<=" -> LESS_OR_EQUAL;
        case ">=" -> GREATER_OR_EQUAL;
        default -> throw new IllegalArgumentException("not a comparison: " + operator);
      };
    }
  }

  private final Test test;
  private final Node left;
  private final Node right;
  private final Family family;

  CompareNode(String operator, Node left, Node right, Family family, int position) {
    super(DataType.BOOL, position);
    this.test = Test.of(operator);
    this.left = left;
    this.right = right;
    this.family = family;
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
    int order =
        switch (family) {
          case INTEGER -> Long.compare(Numbers.asLong(a), Numbers.asLong(b));
          case REAL -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
          case DECIMAL -> Numbers.asBigDecimal(a).compareTo(Numbers.asBigDecimal(b));
          case STRING -> ((String) a).compareTo((String) b);
          case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
          // Two dates compare as they are, without building a timestamp for each row.
          case DATE_TIME ->
              a instanceof LocalDate x && b instanceof LocalDate y
                  ? x.compareTo(y)
                  : Dates.toUtc(a).compareTo(Dates.toUtc(b));
          case TIME -> ((LocalTime) a).compareTo((LocalTime) b);
          case GUID -> a.equals(b) ? 0 : 1;
          case BINARY -> Arrays.equals((byte[]) a, (byte[]) b) ? 0 : 1;
        };
    return switch (test) {
      case EQUAL -> order == 0;
      case NOT_EQUAL -> order != 0;
      case LESS -> order < 0;
      case GREATER -> order > 0;
      case LESS_OR_EQUAL -> order <= 0;
      case GREATER_OR_EQUAL -> order >= 0;
    };
  }
}
