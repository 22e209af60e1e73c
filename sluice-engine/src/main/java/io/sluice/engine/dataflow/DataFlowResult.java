package io.sluice.engine.dataflow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a data flow ended: its outcome, rows per path and active time per component.
 *
 * @param failure the first failure's message (naming package, task and component), when failed
 * @param cause the exception behind the failure, when failed
 */
public record DataFlowResult(
    Outcome outcome,
    Duration elapsed,
    List<PathStatistics> paths,
    List<ComponentStatistics> components,
    String failure,
    Throwable cause) {

  public enum Outcome {
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  /** Rows sent down one path, and the most buffers that waited on it at once. */
  public record PathStatistics(
      String name, String from, String to, long rows, int maxQueuedBuffers) {}

  /**
   * @param active time the component's thread worked, not counting waits for input or for room
   *     downstream (SSIS's "active time" in the Execution Performance report)
   * @param cpu CPU time of the component's thread (zero where the JVM cannot measure it)
   */
  public record ComponentStatistics(String name, String type, Duration active, Duration cpu) {}

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }

  /** Rows on the path of that name (see docs/data-flow.md for path names). */
  public long rows(String pathName) {
    return path(pathName)
        .map(PathStatistics::rows)
        .orElseThrow(() -> new IllegalArgumentException("no path named '" + pathName + "'"));
  }

  public Optional<PathStatistics> path(String pathName) {
    return paths.stream().filter(p -> p.name().equals(pathName)).findFirst();
  }
}
