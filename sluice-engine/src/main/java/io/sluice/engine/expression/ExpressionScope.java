package io.sluice.engine.expression;

import java.util.Optional;

/**
 * Resolves the names an expression uses (variables, parameters, columns) to their type and value
 * slot, at compile time. Control flow offers variables and parameters; a data-flow component adds
 * its input columns, with slot = column index in its row.
 */
@FunctionalInterface
public interface ExpressionScope {

  /**
   * Resolves a name, or returns empty when the scope does not know it. Unqualified variables
   * ({@code @Count}) come with a null namespace; the scope searches its namespaces. A scope may
   * throw {@link IllegalArgumentException} with a message (e.g. an ambiguous name); the compiler
   * reports it at the reference's position.
   */
  Optional<Binding> resolve(Reference reference);

  /** A scope without any names, for expressions made of literals and functions only. */
  static ExpressionScope empty() {
    return reference -> Optional.empty();
  }
}
