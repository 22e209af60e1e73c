package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.EventReporter;
import io.sluice.engine.dataflow.pipeline.NodePlan;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PathPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.TaskDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Data Flow task's settings into a {@link DataFlowPlan}, checking everything a row would
 * trip over later: component types, connections, columns, expression types, path metadata.
 */
public final class DataFlowPlanner {

  public static final int DEFAULT_BUFFER_ROWS = 10_000;
  public static final int DEFAULT_BUFFERS_PER_PATH = 4;

  private DataFlowPlanner() {}

  public static DataFlowPlan plan(TaskDefinition task, DataFlowEnvironment environment) {
    return plan(task, environment, ComponentRegistry.standard());
  }

  /** Plans with a registry that may hold more component types (tests, extensions). */
  public static DataFlowPlan plan(
      TaskDefinition task, DataFlowEnvironment environment, ComponentRegistry registry) {
    String where =
        "package '"
            + environment.packageName()
            + "', task '"
            + task.name()
            + "'"
            + (task.location() == null ? "" : " (" + task.location() + ")");
    DataFlowStructure.Structure structure = DataFlowStructure.read(task.properties(), registry);
    if (!structure.ok()) {
      DataFlowStructure.Problem first = structure.problems().get(0);
      String more =
          structure.problems().size() == 1
              ? ""
              : " (and " + (structure.problems().size() - 1) + " more problem(s))";
      throw first.component() == null
          ? new DataFlowException(where, ": ", first.message() + more, null)
          : new DataFlowException(where, ", ", component(first) + more, null);
    }
    List<ComponentSpec> specs = structure.components();
    int bufferRows = structure.bufferRows();
    int buffersPerPath = structure.buffersPerPath();
    Run run = new Run(where, environment, registry, specs, bufferRows);
    run.planAll();
    EventReporter events = new EventReporter(environment, task.name());
    events.event(MessageType.INFORMATION, null, "Validation phase is complete.");
    return new DataFlowPlan(
        run.nodes,
        run.paths,
        run.pathSchemas,
        environment,
        events,
        bufferRows,
        buffersPerPath,
        where);
  }

  /** A component's structure problem: the component and the cause. */
  private static String component(DataFlowStructure.Problem problem) {
    return "component '" + problem.component() + "' (" + problem.type() + "): " + problem.message();
  }

  /** One planning pass over the specs. */
  private static final class Run {
    private final String where;
    private final DataFlowEnvironment environment;
    private final ComponentRegistry registry;
    private final List<ComponentSpec> specs;
    private final int bufferRows;
    final List<NodePlan> nodes = new ArrayList<>();
    final List<PathPlan> paths = new ArrayList<>();
    final Map<String, RowSchema> pathSchemas = new LinkedHashMap<>();

    Run(
        String where,
        DataFlowEnvironment environment,
        ComponentRegistry registry,
        List<ComponentSpec> specs,
        int bufferRows) {
      this.where = where;
      this.environment = environment;
      this.registry = registry;
      this.specs = specs;
      this.bufferRows = bufferRows;
    }

    private ComponentType type(ComponentSpec spec) {
      return registry
          .find(spec.type())
          .orElseThrow(
              () ->
                  error(
                      spec,
                      "unknown component type '"
                          + spec.type()
                          + "'; known types: "
                          + String.join(", ", registry.names())));
    }

    void planAll() {
      List<ComponentSpec> order = TopologicalOrder.of(specs);
      long blocking = order.stream().filter(s -> type(s).blocking()).count();
      long budget = environment.memoryBudgetBytes() / Math.max(1, blocking);
      Map<String, Integer> index = new HashMap<>();
      Map<String, List<String>> requested = requestedOutputs();
      for (ComponentSpec spec : order) {
        List<RowSchema> inputs = new ArrayList<>();
        List<int[]> sources = new ArrayList<>();
        for (InputRef ref : spec.inputs()) {
          int from = index.get(ref.component().toLowerCase(Locale.ROOT));
          NodePlan upstream = nodes.get(from);
          int output = outputIndex(spec, ref, upstream);
          inputs.add(upstream.planned().outputs().get(output).schema());
          sources.add(new int[] {from, output});
        }
        PlannedComponent planned;
        try {
          List<String> wanted = requested.getOrDefault(key(spec.name()), List.of());
          planned =
              type(spec)
                  .plan(spec, new PlanContext(environment, inputs, wanted, bufferRows, budget));
        } catch (PlanningException | IllegalArgumentException e) {
          // Kept as the cause: a connection that failed to open is reported as such (its code).
          throw error(spec, e.getMessage(), e);
        } catch (RuntimeException e) {
          // Anything else a component trips over while planning still names where it happened.
          throw new DataFlowException(
              where, ", ", "component '" + spec.name() + "' (" + spec.type() + "): " + e, e);
        }
        int me = nodes.size();
        nodes.add(new NodePlan(spec.name(), spec.type(), planned, spec.inputs().size()));
        index.put(key(spec.name()), me);
        for (int i = 0; i < sources.size(); i++) {
          int[] source = sources.get(i);
          NodePlan from = nodes.get(source[0]);
          OutputPlan output = from.planned().outputs().get(source[1]);
          String name = from.name() + "." + output.name() + " -> " + spec.name();
          for (PathPlan p : paths) {
            if (p.from() == source[0] && p.output() == source[1]) {
              throw error(
                  spec,
                  "output '"
                      + output.name()
                      + "' of '"
                      + from.name()
                      + "' already goes to '"
                      + nodes.get(p.to()).name()
                      + "'; an output feeds one path, use a Multicast to copy rows");
            }
          }
          paths.add(new PathPlan(name, source[0], source[1], me, i));
          pathSchemas.put(name, output.schema());
        }
      }
    }

    private Map<String, List<String>> requestedOutputs() {
      Map<String, List<String>> requested = new HashMap<>();
      for (ComponentSpec spec : specs) {
        for (InputRef ref : spec.inputs()) {
          if (ref.output() != null) {
            requested
                .computeIfAbsent(key(ref.component()), k -> new ArrayList<>())
                .add(ref.output());
          } else {
            requested.computeIfAbsent(key(ref.component()), k -> new ArrayList<>()).add(null);
          }
        }
      }
      return requested;
    }

    private int outputIndex(ComponentSpec spec, InputRef ref, NodePlan upstream) {
      List<OutputPlan> outputs = upstream.planned().outputs();
      if (ref.output() == null) {
        if (outputs.isEmpty()) {
          throw error(spec, "'" + ref.component() + "' is a destination and has no output");
        }
        return 0;
      }
      for (int i = 0; i < outputs.size(); i++) {
        if (outputs.get(i).name().equalsIgnoreCase(ref.output())) {
          return i;
        }
      }
      throw error(
          spec,
          "'"
              + ref.component()
              + "' has no output '"
              + ref.output()
              + "'; its outputs are "
              + outputs.stream().map(OutputPlan::name).toList());
    }

    private static String key(String name) {
      return name.toLowerCase(Locale.ROOT);
    }

    DataFlowException error(ComponentSpec spec, String cause) {
      return error(spec, cause, null);
    }

    DataFlowException error(ComponentSpec spec, String cause, Throwable exception) {
      return new DataFlowException(
          where,
          ", ",
          "component '" + spec.name() + "' (" + spec.type() + "): " + cause,
          exception);
    }
  }
}
