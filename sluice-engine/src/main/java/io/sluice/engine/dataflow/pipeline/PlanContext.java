package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionException;
import io.sluice.engine.expression.ExpressionScope;
import java.util.List;

/** What a component sees while it is planned. */
public final class PlanContext {

  private final DataFlowEnvironment environment;
  private final List<RowSchema> inputs;
  private final List<String> requestedOutputs;
  private final int bufferRows;
  private final long memoryBudget;

  public PlanContext(
      DataFlowEnvironment environment,
      List<RowSchema> inputs,
      List<String> requestedOutputs,
      int bufferRows,
      long memoryBudget) {
    this.environment = environment;
    this.inputs = inputs;
    this.requestedOutputs = requestedOutputs;
    this.bufferRows = bufferRows;
    this.memoryBudget = memoryBudget;
  }

  public DataFlowEnvironment environment() {
    return environment;
  }

  public RowSchema input(int index) {
    return inputs.get(index);
  }

  public int inputCount() {
    return inputs.size();
  }

  /** Output names downstream paths ask for (Multicast creates one output per path). */
  public List<String> requestedOutputs() {
    return requestedOutputs;
  }

  public int bufferRows() {
    return bufferRows;
  }

  /** The heap share of one blocking component (Sort, Aggregate). */
  public long memoryBudget() {
    return memoryBudget;
  }

  /** Compiles an expression over a schema's columns and the package's variables. */
  public Expression compile(String text, RowSchema schema, String what) {
    try {
      ExpressionScope scope = new ColumnScope(schema, environment.variableScope());
      return Expression.compile(text, scope);
    } catch (ExpressionException e) {
      throw new PlanningException(what + ": " + e.getMessage(), e);
    }
  }
}
