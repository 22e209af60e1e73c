package io.sluice.engine.runtime.expression;

import io.sluice.engine.runtime.variable.Variables;

/**
 * The engine's one seam to the SSIS expression language: everything in the control flow that
 * computes a value (property expressions, precedence constraint expressions, loop expressions,
 * expression variables, the Expression task) goes through here.
 */
public interface ExpressionService {

  /**
   * Compiles {@code text} against the variables and parameters visible in {@code scope}, checking
   * syntax, names and types before anything runs.
   *
   * @throws ExpressionError when the expression is not valid
   */
  CompiledExpression compile(String text, Variables scope);

  /**
   * {@link #compile} for an expression whose result is itself sensitive (a jdbc connection's
   * password): only these may read sensitive parameters, as in SSIS, where a sensitive parameter
   * may only set a sensitive property. Every other compile refuses them.
   */
  CompiledExpression compileSensitive(String text, Variables scope);

  /** The implementation the engine uses by default. */
  static ExpressionService standard() {
    return new SsisExpressionService();
  }
}
