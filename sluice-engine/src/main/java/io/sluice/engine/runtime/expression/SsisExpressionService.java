package io.sluice.engine.runtime.expression;

import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionEvaluationException;
import io.sluice.engine.expression.ExpressionException;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.Variables;
import java.util.List;

/**
 * The SSIS expression language (io.sluice.engine.expression) over the variables of a run. Each
 * variable or parameter an expression names gets a slot at compile time ({@link VariableSlots}); at
 * evaluation the slot reads the variable's current value in the scope of whoever evaluates (so
 * {@code @[System::TaskName]} is the evaluating task's name).
 */
final class SsisExpressionService implements ExpressionService {

  @Override
  public CompiledExpression compile(String text, Variables scope) {
    return compile(text, new VariableSlots(scope));
  }

  @Override
  public CompiledExpression compileSensitive(String text, Variables scope) {
    return compile(text, VariableSlots.forSensitiveResult(scope));
  }

  private static CompiledExpression compile(String text, VariableSlots slots) {
    Expression expression;
    try {
      expression = Expression.compile(text, slots);
    } catch (ExpressionException e) {
      throw new ExpressionError(text, e.position(), e.reason(), e);
    }
    return new Compiled(expression, slots.names(), slots.sensitiveResult());
  }

  private record Compiled(Expression expression, List<String> slots, boolean sensitiveResult)
      implements CompiledExpression {

    @Override
    public String text() {
      return expression.text();
    }

    @Override
    public Object evaluate(Variables scope) {
      try {
        return expression.evaluate(
            slot -> VariableSlots.read(slots.get(slot), scope, sensitiveResult));
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
