package io.sluice.console.dashboard;

import io.sluice.catalog.report.Dashboard.PackageTrend;
import io.sluice.catalog.report.Dashboard.RunDuration;
import io.sluice.console.web.Format;
import java.util.List;

/**
 * One of the busiest packages: its durations as text (last, average, longest) and as a sparkline of
 * its ended runs, oldest first, each bar as tall as its run was long (drawn as SVG).
 */
public record Trend(
    PackageTrend trend, List<Spark> sparks, long lastMs, long averageMs, long maxMs) {

  static final int SPARK_SLOT = 6;

  /**
   * Slots on the axis at least: a package with a few runs still draws bars, not blocks, and the
   * newest run is always at the right end. The dashboard read gives at most 50 runs a package.
   */
  static final int SPARK_SLOTS = 20;

  static final int SPARK_HEIGHT = 24;

  /** One run's bar. */
  public record Spark(RunDuration run, int x, int y, int height) {

    public String statusClass() {
      return Format.statusClass(run.status());
    }

    public String label() {
      return "execution %d: %s, %s"
          .formatted(
              run.executionId(), Format.millis(run.durationMs()), Format.status(run.status()));
    }
  }

  static Trend of(PackageTrend trend) {
    List<RunDuration> runs = trend.runs();
    long max = runs.stream().mapToLong(RunDuration::durationMs).max().orElse(0);
    long scale = Math.max(1, max);
    List<Spark> sparks =
        java.util.stream.IntStream.range(0, runs.size())
            .mapToObj(
                i -> {
                  RunDuration r = runs.get(i);
                  int h = (int) Math.max(1, r.durationMs() * SPARK_HEIGHT / scale);
                  int slot = Math.max(0, SPARK_SLOTS - runs.size()) + i;
                  return new Spark(r, slot * SPARK_SLOT + 1, SPARK_HEIGHT - h, h);
                })
            .toList();
    long average =
        runs.isEmpty()
            ? 0
            : Math.round(runs.stream().mapToLong(RunDuration::durationMs).average().orElse(0));
    return new Trend(
        trend, sparks, runs.isEmpty() ? 0 : runs.get(runs.size() - 1).durationMs(), average, max);
  }

  public int width() {
    return Math.max(SPARK_SLOTS, sparks.size()) * SPARK_SLOT;
  }

  public int height() {
    return SPARK_HEIGHT;
  }

  public String name() {
    return trend.folderName() + " / " + trend.projectName() + " / " + trend.packageName();
  }
}
