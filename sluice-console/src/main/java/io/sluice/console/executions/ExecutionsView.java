package io.sluice.console.executions;

import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.console.web.Chrome;
import java.time.Instant;
import java.util.List;

/** The model of executions.jte: the filter as typed, and the executions it finds. */
public record ExecutionsView(
    Chrome chrome, Instant now, Filter filter, List<Execution> executions, boolean more) {

  /** The filter's fields as the form shows them (empty: not filtered). */
  public record Filter(
      String folder,
      String project,
      String packageName,
      String status,
      String since,
      String until,
      int limit) {}

  public List<OperationStatus> statuses() {
    return List.of(OperationStatus.values());
  }
}
