package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.expression.EvaluationContext;
import java.time.Clock;

/**
 * Lets an expression read one row of a buffer: column slots are column indexes; slots from {@link
 * ColumnScope#VARIABLE_BASE} up are the package's variables and parameters.
 */
public final class RowCursor implements EvaluationContext {

  private final EvaluationContext variables;
  private final Clock clock;
  private Object[][] columns;
  private int row;

  public RowCursor(EvaluationContext variables, Clock clock) {
    this.variables = variables;
    this.clock = clock;
  }

  public void buffer(Buffer buffer) {
    this.columns = buffer.columns();
  }

  public void row(int physicalRow) {
    this.row = physicalRow;
  }

  @Override
  public Object value(int slot) {
    return slot < ColumnScope.VARIABLE_BASE
        ? columns[slot][row]
        : variables.value(slot - ColumnScope.VARIABLE_BASE);
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
