package io.sluice.console.executions;

import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.execution.ExecutionStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An execution's statistics as its page shows them (the same read as {@code GET
 * /api/v1/executions/{id}/statistics}): each run of a task, container or package as a bar on one
 * time axis, and the rows sent along each data-flow path.
 *
 * <p>Bars are placed in thousandths of the axis and drawn as SVG rectangles: the console's
 * Content-Security-Policy allows no inline {@code style}, and SVG geometry is markup, not style.
 *
 * @param bars the executables, in the order they started (at most {@link #SHOWN})
 * @param moreBars how many more the execution has than are shown
 * @param axisStart when the first one started
 * @param axisMillis the axis's length: from the first start to the last end (or now)
 */
public record StatisticsView(
    List<Bar> bars,
    int moreBars,
    Instant axisStart,
    long axisMillis,
    List<DataFlowStatistic> dataFlows,
    int moreDataFlows) {

  /** Rows drawn at most: a loop of thousands of iterations still renders fast. */
  static final int SHOWN = 500;

  /** The axis in thousandths; a bar is at least {@link #MIN_WIDTH} wide so it stays visible. */
  static final int AXIS = 1000;

  static final int MIN_WIDTH = 3;

  /**
   * One run of an executable.
   *
   * @param durationMs null while it runs
   * @param x where its bar starts, in thousandths of the axis
   * @param width its bar's length, in thousandths of the axis
   */
  public record Bar(
      ExecutableStatistic statistic, Instant start, Long durationMs, int x, int width) {

    public boolean running() {
      return statistic.endTime() == null && statistic.durationMs() == null;
    }

    /** SSIS execution_result as a word: success, failure, completion or cancelled. */
    public String result() {
      if (running()) {
        return "running";
      }
      return switch (statistic.executionResult()) {
        case 0 -> "success";
        case 1 -> "failure";
        case 2 -> "completion";
        case 3 -> "cancelled";
        default -> String.valueOf(statistic.executionResult());
      };
    }

    /** The result's badge colour, as the execution statuses' (docs/console.md). */
    public String resultClass() {
      return switch (result()) {
        case "success", "completion" -> "s-succeeded";
        case "failure" -> "s-failed";
        case "running" -> "s-running";
        default -> "s-canceled";
      };
    }
  }

  /** Places each executable on one axis; {@code now} ends the runs that have not ended. */
  static StatisticsView of(ExecutionStatistics statistics, Instant now) {
    List<ExecutableStatistic> runs = statistics.executables();
    List<ExecutableStatistic> shown = runs.subList(0, Math.min(SHOWN, runs.size()));
    Instant first = null;
    Instant last = null;
    for (ExecutableStatistic s : shown) {
      if (s.startTime() == null) {
        continue;
      }
      Instant end = end(s, now);
      first = first == null || s.startTime().isBefore(first) ? s.startTime() : first;
      last = last == null || end.isAfter(last) ? end : last;
    }
    long axis = first == null ? 0 : Math.max(1, Duration.between(first, last).toMillis());
    Instant origin = first;
    List<Bar> bars =
        shown.stream()
            .map(
                s -> {
                  Long duration =
                      s.durationMs() != null
                          ? s.durationMs()
                          : s.startTime() == null || s.endTime() == null
                              ? null
                              : Duration.between(s.startTime(), s.endTime()).toMillis();
                  if (origin == null || s.startTime() == null) {
                    return new Bar(s, s.startTime(), duration, 0, 0);
                  }
                  long from = Duration.between(origin, s.startTime()).toMillis();
                  long length = Duration.between(s.startTime(), end(s, now)).toMillis();
                  int x = (int) Math.min(AXIS - MIN_WIDTH, from * AXIS / axis);
                  int width = (int) Math.max(MIN_WIDTH, Math.min(AXIS - x, length * AXIS / axis));
                  return new Bar(s, s.startTime(), duration, x, width);
                })
            .toList();
    List<DataFlowStatistic> flows = statistics.dataFlows();
    return new StatisticsView(
        bars,
        runs.size() - shown.size(),
        first,
        axis,
        flows.subList(0, Math.min(SHOWN, flows.size())),
        Math.max(0, flows.size() - SHOWN));
  }

  /** When a run ended: its end time, its start plus its duration, or {@code now} while it runs. */
  private static Instant end(ExecutableStatistic s, Instant now) {
    if (s.endTime() != null) {
      return s.endTime();
    }
    if (s.durationMs() != null) {
      return s.startTime().plusMillis(s.durationMs());
    }
    return now.isBefore(s.startTime()) ? s.startTime() : now;
  }
}
