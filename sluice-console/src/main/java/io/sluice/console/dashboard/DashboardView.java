package io.sluice.console.dashboard;

import io.sluice.catalog.report.Dashboard;
import io.sluice.catalog.report.Dashboard.FailedExecution;
import io.sluice.catalog.report.Dashboard.RunningExecution;
import io.sluice.catalog.report.Dashboard.StatusCount;
import io.sluice.console.web.Chrome;
import io.sluice.master.management.MasterNodes.MasterNode;
import io.sluice.master.management.WorkerAgent;
import java.time.Instant;
import java.util.List;

/**
 * The model of dashboard.jte (the page) and dashboard_live.jte (the part that refreshes itself):
 * the catalog's dashboard read (the same as {@code GET /api/v1/reports/dashboard}), the workers and
 * the masters.
 *
 * @param summary the last 24 hours before {@code now}, by the master's clock
 * @param leader the leading master's name, or null when none leads
 */
public record DashboardView(
    Chrome chrome,
    Instant now,
    Dashboard summary,
    List<WorkerAgent> workers,
    List<MasterNode> masters,
    String leader) {

  /** Running executions listed at most (the count above the list is of all of them). */
  static final int RUNNING_SHOWN = 50;

  public List<RunningExecution> running() {
    List<RunningExecution> all = summary.running();
    return all.subList(0, Math.min(RUNNING_SHOWN, all.size()));
  }

  public List<FailedExecution> failures() {
    return summary.recentFailures();
  }

  /** Executions created in the window, whatever they are now. */
  public long total() {
    return summary.byStatus().stream().mapToLong(StatusCount::count).sum();
  }

  /** Executions of the window that failed or ended unexpectedly. */
  public long failed() {
    return summary.byStatus().stream()
        .filter(c -> c.status() == 4 || c.status() == 6)
        .mapToLong(StatusCount::count)
        .sum();
  }

  public HourChart perHour() {
    return HourChart.of(summary.perHour());
  }

  public List<Trend> trends() {
    return summary.busiestPackages().stream().map(Trend::of).toList();
  }

  public long workersOnline() {
    return workers.stream().filter(WorkerAgent::online).count();
  }

  public long workersEnabled() {
    return workers.stream().filter(WorkerAgent::enabled).count();
  }

  public long mastersOnline() {
    return masters.stream().filter(MasterNode::online).count();
  }
}
