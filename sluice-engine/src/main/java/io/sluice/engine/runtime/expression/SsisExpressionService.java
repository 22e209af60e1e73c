package io.sluice.engine.runtime.expression;

import io.sluice.engine.expression.Binding;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionEvaluationException;
import io.sluice.engine.expression.ExpressionException;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.expression.Reference;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SSIS expression language (io.sluice.engine.expression) over the variables of a run. Each
 * variable or parameter an expression names gets a slot at compile time, typed from the variable's
 * declared type; at evaluation the slot reads the variable's current value in the scope of whoever
 * evaluates (so {@code @[System::TaskName]} is the evaluating task's name).
 */
final class SsisExpressionService implements ExpressionService {

  @Override
  public CompiledExpression compile(String text, Variables scope) {
    List<String> slots = new ArrayList<>();
    ExpressionScope names = reference -> resolve(reference, scope, slots);
    Expression expression;
    try {
      expression = Expression.compile(text, names);
    } catch (ExpressionException e) {
      throw new ExpressionError(text, e.position(), e.reason(), e);
    }
    List<String> bound = List.copyOf(slots);
    return new Compiled(expression, bound);
  }

  private static Optional<Binding> resolve(
      Reference reference, Variables scope, List<String> slots) {
    if (reference.kind() == Reference.Kind.COLUMN) {
      return Optional.empty();
    }
    Optional<Variable> found;
    try {
      found = scope.find(reference.qualifiedName());
    } catch (VariableException ambiguous) {
      throw new IllegalArgumentException(ambiguous.getMessage());
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Variable v = found.get();
    DataType type = dataType(v);
    int slot = slots.indexOf(v.qualifiedName());
    if (slot < 0) {
      slots.add(v.qualifiedName());
      slot = slots.size() - 1;
    }
    return Optional.of(new Binding(slot, type));
  }

  /** The expression type of a variable type, as SSIS maps them. */
  static DataType dataType(Variable v) {
    return switch (v.type()) {
      case BOOLEAN -> DataType.BOOL;
      case BYTE -> DataType.UI1;
      case SBYTE -> DataType.I1;
      case INT16 -> DataType.I2;
      case INT32 -> DataType.I4;
      case INT64 -> DataType.I8;
      case UINT32 -> DataType.UI4;
      case UINT64 -> DataType.UI8;
      case SINGLE -> DataType.R4;
      case DOUBLE -> DataType.R8;
      case DECIMAL -> DataType.decimal(10);
      case DATE_TIME -> DataType.DATE;
      case STRING, CHAR -> DataType.wstr(4000);
      case OBJECT, DB_NULL ->
          throw new IllegalArgumentException(
              "variable "
                  + v.qualifiedName()
                  + " is of type "
                  + v.type()
                  + ", which expressions cannot use");
    };
  }

  private record Compiled(Expression expression, List<String> slots) implements CompiledExpression {

    @Override
    public String text() {
      return expression.text();
    }

    @Override
    public Object evaluate(Variables scope) {
      try {
        return expression.evaluate(
            slot -> {
              String name = slots.get(slot);
              Object value = scope.get(name);
              // Char variables hold text; everything else is already the slot's Java class
              return scope.require(name).type() == VariableType.CHAR
                  ? String.valueOf(value)
                  : value;
            });
      } catch (ExpressionEvaluationException e) {
        throw new ExpressionError(expression.text(), e.position(), e.getMessage(), e);
      } catch (VariableException e) {
        throw new ExpressionError(expression.text(), 0, e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return expression.text();
    }
  }
}
