package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionException;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.type.DataType;

/** Reads data types written as in SSIS casts: {@code DT_I4}, {@code DT_WSTR,50} ... */
public final class DataTypes {

  private DataTypes() {}

  /**
   * Parses a type spec. It reuses the expression compiler's own type rules by compiling {@code
   * NULL(spec)}, so a type is accepted here exactly when a cast would accept it.
   */
  public static DataType parse(String spec, String what) {
    String text = spec.trim();
    if (text.startsWith("(") && text.endsWith(")")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      return Expression.compile("NULL(" + text + ")", ExpressionScope.empty()).resultType();
    } catch (ExpressionException e) {
      throw new PlanningException(
          what + ": '" + spec + "' is not a data type; write it as in a cast, e.g. DT_WSTR,50");
    }
  }
}
