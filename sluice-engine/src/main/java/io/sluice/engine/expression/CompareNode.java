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

  private final String operator;
  private final Node left;
  private final Node right;
  private final Family family;

  CompareNode(String operator, Node left, Node right, Family family, int position) {
    super(DataType.BOOL, position);
    this.operator = operator;
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
    return switch (operator) {
      case "==" -> order == 0;
      case "!=" -> order != 0;
      case "<" -> order < 0;
      case ">" -> order > 0;
      case "<=" -> order <= 0;
      default -> order >= 0;
    };
  }
}
