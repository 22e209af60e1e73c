package io.sluice.engine.dataflow.pipeline;

/**
 * A problem found while planning one component; the planner adds the package, task and component
 * names, so the message only states the cause and the fix.
 */
public final class PlanningException extends RuntimeException {

  public PlanningException(String message) {
    super(message);
  }

  public PlanningException(String message, Throwable cause) {
    super(message, cause);
  }
}
