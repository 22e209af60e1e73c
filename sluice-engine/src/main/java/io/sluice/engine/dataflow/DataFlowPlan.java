package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.EventReporter;
import io.sluice.engine.dataflow.pipeline.NodePlan;
import io.sluice.engine.dataflow.pipeline.PathPlan;
import io.sluice.engine.dataflow.pipeline.PipelineFactory;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import java.util.List;
import java.util.Map;

/** A validated data flow, ready to run (any number of times). Made by {@link DataFlowPlanner}. */
public final class DataFlowPlan {

  private final List<NodePlan> nodes;
  private final List<PathPlan> paths;
  private final Map<String, RowSchema> pathSchemas;
  private final DataFlowEnvironment environment;
  private final EventReporter events;
  private final int bufferRows;
  private final int buffersPerPath;
  private final String description;

  DataFlowPlan(
      List<NodePlan> nodes,
      List<PathPlan> paths,
      Map<String, RowSchema> pathSchemas,
      DataFlowEnvironment environment,
      EventReporter events,
      int bufferRows,
      int buffersPerPath,
      String description) {
    this.nodes = nodes;
    this.paths = paths;
    this.pathSchemas = pathSchemas;
    this.environment = environment;
    this.events = events;
    this.bufferRows = bufferRows;
    this.buffersPerPath = buffersPerPath;
    this.description = description;
  }

  /** Runs the data flow to its end, its failure, or its cancellation, and reports how it went. */
  public DataFlowResult run(CancellationCheck cancellation) {
    return PipelineFactory.wire(
            nodes, paths, environment, events, bufferRows, buffersPerPath, description)
        .run(cancellation);
  }

  /** Runs with the environment's own cancellation. */
  public DataFlowResult run() {
    return run(CancellationCheck.never());
  }

  /** The path names, in the order components were planned. */
  public List<String> pathNames() {
    return paths.stream().map(PathPlan::name).toList();
  }

  /** The columns (and sort order) of the rows on a path. */
  public RowSchema schema(String pathName) {
    RowSchema schema = pathSchemas.get(pathName);
    if (schema == null) {
      throw new IllegalArgumentException("no path named '" + pathName + "'; paths: " + pathNames());
    }
    return schema;
  }
}
