package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.expression.Binding;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.expression.Reference;
import java.util.Optional;

/**
 * Names an expression of a component may use: the columns of its input (slot = column index) and
 * the package's variables and parameters (shifted past the columns; see {@link RowCursor}).
 */
public final class ColumnScope implements ExpressionScope {

  /** Far above any column count, so one int comparison tells columns from variables. */
  public static final int VARIABLE_BASE = 1 << 20;

  private final RowSchema schema;
  private final ExpressionScope variables;

  public ColumnScope(RowSchema schema, ExpressionScope variables) {
    this.schema = schema;
    this.variables = variables;
  }

  @Override
  public Optional<Binding> resolve(Reference reference) {
    if (reference.kind() == Reference.Kind.COLUMN) {
      return schema.find(reference.name()).map(i -> new Binding(i, schema.column(i).type()));
    }
    return variables.resolve(reference).map(b -> new Binding(b.slot() + VARIABLE_BASE, b.type()));
  }
}
