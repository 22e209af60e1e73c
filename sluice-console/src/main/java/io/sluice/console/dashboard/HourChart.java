package io.sluice.console.dashboard;

import io.sluice.catalog.report.Dashboard.HourCount;
import java.util.List;

/**
 * Executions per hour as stacked columns: succeeded at the bottom, failed above, the rest on top.
 * The geometry is computed here and drawn as SVG (the CSP allows no inline style) in a box {@link
 * #WIDTH} by {@link #HEIGHT}; the page has the same numbers in a table.
 *
 * @param max the tallest column's count (the chart's scale)
 */
public record HourChart(List<Column> columns, long max) {

  static final int SLOT = 10;
  static final int WIDTH = 240;
  static final int HEIGHT = 100;

  /** One hour: its counts, and its segments' heights and tops in the box. */
  public record Column(HourCount hour, int x, Segment succeeded, Segment failed, Segment other) {

    public String label() {
      return "%s UTC: %d executions (%d succeeded, %d failed, %d other)"
          .formatted(
              io.sluice.console.web.Format.time(hour.hour()).substring(11, 16),
              hour.total(),
              hour.succeeded(),
              hour.failed(),
              hour.other());
    }
  }

  /** A stacked part of a column; {@code height} 0 draws nothing. */
  public record Segment(int y, int height) {}

  static HourChart of(List<HourCount> hours) {
    long max = hours.stream().mapToLong(HourCount::total).max().orElse(0);
    long scale = Math.max(1, max);
    List<Column> columns =
        java.util.stream.IntStream.range(0, hours.size())
            .mapToObj(
                i -> {
                  HourCount h = hours.get(i);
                  int ok = height(h.succeeded(), scale);
                  int bad = height(h.failed(), scale);
                  int rest = height(h.other(), scale);
                  return new Column(
                      h,
                      i * SLOT + 1,
                      new Segment(HEIGHT - ok, ok),
                      new Segment(HEIGHT - ok - bad, bad),
                      new Segment(HEIGHT - ok - bad - rest, rest));
                })
            .toList();
    return new HourChart(columns, max);
  }

  /** A count's height; at least 2 units when it is not zero, so one run in a busy day shows. */
  private static int height(long count, long scale) {
    return count == 0 ? 0 : (int) Math.max(2, count * HEIGHT / scale);
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }
}
