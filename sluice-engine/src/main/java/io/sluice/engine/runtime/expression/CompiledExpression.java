package io.sluice.engine.runtime.expression;

import io.sluice.engine.runtime.variable.Variables;

/** An expression compiled once (at validation) and evaluated any number of times. */
public interface CompiledExpression {

  String text();

  /** Evaluates with the current values of {@code scope}; throws {@link ExpressionError}. */
  Object evaluate(Variables scope);
}
