package io.sluice.console.dashboard;

import io.sluice.catalog.execution.Execution;
import io.sluice.console.web.Chrome;
import io.sluice.master.management.MasterNodes.MasterNode;
import io.sluice.master.management.WorkerAgent;
import java.time.Instant;
import java.util.List;

/**
 * The model of dashboard.jte (the page) and dashboard_live.jte (the part that refreshes itself).
 *
 * @param pending executions waiting for a worker or a master (up to {@link #MORE})
 * @param leader the leading master's name, or null when none leads
 */
public record DashboardView(
    Chrome chrome,
    Instant now,
    List<Execution> running,
    int pending,
    List<Failure> failures,
    List<WorkerAgent> workers,
    List<MasterNode> masters,
    String leader) {

  /** Counted up to this many; more reads as "100+". */
  public static final int MORE = 100;

  /** A failed execution and its first error message (null when it wrote none). */
  public record Failure(Execution execution, String firstError) {}

  public long workersOnline() {
    return workers.stream().filter(WorkerAgent::online).count();
  }

  public long workersEnabled() {
    return workers.stream().filter(WorkerAgent::enabled).count();
  }

  public long mastersOnline() {
    return masters.stream().filter(MasterNode::online).count();
  }

  public String pendingText() {
    return pending >= MORE ? MORE + "+" : String.valueOf(pending);
  }
}
