package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import java.time.Instant;

/** Raises a Data Flow task's events, with the component as the subcomponent. */
public final class EventReporter {

  private final DataFlowEnvironment environment;
  private final String taskName;

  public EventReporter(DataFlowEnvironment environment, String taskName) {
    this.environment = environment;
    this.taskName = taskName;
  }

  public void event(MessageType type, String component, String message) {
    environment
        .events()
        .event(
            new EngineEvent(
                environment.clock().instant(),
                type,
                environment.packageName(),
                taskName,
                environment.executionPath(),
                component,
                message,
                0,
                Thread.currentThread().getId()));
  }

  public void pathRows(String path, String from, String to, long rows) {
    environment
        .events()
        .dataFlowStatistic(
            new DataFlowStatistic(
                environment.packageName(), taskName, path, from, to, rows, Instant.now()));
  }
}
