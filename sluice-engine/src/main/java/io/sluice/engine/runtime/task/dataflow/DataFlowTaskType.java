package io.sluice.engine.runtime.task.dataflow;

import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.dataflow.DataFlowException;
import io.sluice.engine.dataflow.DataFlowPlan;
import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.DataFlowStructure;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import java.util.List;
import java.util.Map;

/**
 * The Data Flow task: runs the data-flow engine (io.sluice.engine.dataflow) inside the control
 * flow. Validation plans the flow — component settings, connections, table and query columns,
 * expression types — so a bad flow fails before anything runs; with {@code delayValidation: true}
 * that planning waits until the task starts. Each execution plans again (property expressions, loop
 * variables and tables may have changed) and runs the plan.
 */
public final class DataFlowTaskType implements TaskType {

  private final ComponentRegistry components;

  public DataFlowTaskType() {
    this(ComponentRegistry.standard());
  }

  /** With more component types than the built-in ones (tests, extensions). */
  public DataFlowTaskType(ComponentRegistry components) {
    this.components = components;
  }

  /** The component types its flows may use. */
  public ComponentRegistry components() {
    return components;
  }

  @Override
  public String name() {
    return "DataFlow";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    Map<String, Object> values = settings.values(DataFlowStructure.TASK_SETTINGS);
    TaskDefinition flow =
        new TaskDefinition(
            settings.taskName(),
            name(),
            "",
            false,
            List.of(),
            TaskDefinition.ConstraintMode.ALL,
            List.of(),
            Map.of(),
            Map.of(),
            values,
            null);
    DataFlowStructure.Structure structure = DataFlowStructure.read(values, components);
    for (DataFlowStructure.Problem problem : structure.problems()) {
      settings.problem(describe(problem));
    }
    boolean delayed = settings.bool(DataFlowStructure.DELAY_VALIDATION, false);
    long budget = memoryBudget(settings);
    if (structure.ok() && !delayed) {
      try {
        DataFlowPlanner.plan(
            flow, TaskDataFlowEnvironment.forValidation(settings, budget), components);
      } catch (DataFlowException e) {
        settings.problem(e.withoutTask()); // the task's problems are reported under its name
      }
    }
    return context -> {
      TaskDataFlowEnvironment environment = TaskDataFlowEnvironment.forRun(context, budget);
      DataFlowPlan plan = DataFlowPlanner.plan(flow, environment, components);
      DataFlowResult result = plan.run(environment.cancellation());
      if (!result.succeeded()) {
        // FAILED: the cause names the component; CANCELLED: the run's token reports the outcome
        throw new DataFlowException(result.failure(), result.cause());
      }
    };
  }

  /** A quarter of the maximum heap unless the task sets {@code memoryBudgetMb}. */
  private static long memoryBudget(TaskSettings settings) {
    int mb = settings.integer(DataFlowStructure.MEMORY_BUDGET_MB, 0);
    return mb > 0 ? mb * 1024L * 1024L : Runtime.getRuntime().maxMemory() / 4;
  }

  private static String describe(DataFlowStructure.Problem problem) {
    return problem.component() == null
        ? problem.message()
        : "component '" + problem.component() + "' (" + problem.type() + "): " + problem.message();
  }
}
