package io.sluice.engine.dataflow.pipeline;

import java.util.List;

/**
 * A component checked against its inputs: its outputs (index = output number used with {@link
 * ComponentIo#send}) and the runtime that will move its rows.
 *
 * @param unorderedInputs true when the runtime reads with {@link ComponentIo#takeAny()}
 * @param blocking true for components that hold their whole input (Sort, Aggregate): they share the
 *     data flow's memory budget
 */
public record PlannedComponent(
    List<OutputPlan> outputs, ComponentRuntime runtime, boolean unorderedInputs, boolean blocking) {

  public static PlannedComponent of(List<OutputPlan> outputs, ComponentRuntime runtime) {
    return new PlannedComponent(outputs, runtime, false, false);
  }
}
