package io.sluice.cli.run;

import io.sluice.cli.common.Output;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows a run on the terminal: one line per start, end, warning and error, and on a TTY a live
 * status line of the tasks running now, redrawn in place. Keeps the statistics for the summary.
 */
final class ConsoleProgress implements EventSink {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final PrintWriter out;
  private final boolean live;
  private final Map<String, Instant> running = new ConcurrentHashMap<>();
  private final List<ExecutableStatistic> statistics = new ArrayList<>();
  private boolean statusShown;

  ConsoleProgress(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
  }

  @Override
  public synchronized void event(EngineEvent e) {
    String line =
        switch (e.type()) {
          case PRE_EXECUTE -> {
            running.put(e.executionPath(), e.time());
            yield "started   " + e.executionPath();
          }
          case POST_EXECUTE -> {
            running.remove(e.executionPath());
            yield "finished  " + e.executionPath() + " (" + result(e.message()) + ")";
          }
          case ERROR -> "error     " + e.sourceName() + ": " + e.message();
          case WARNING -> "warning   " + e.sourceName() + ": " + e.message();
          case TASK_FAILED -> null;
          case INFORMATION, PROGRESS -> "          " + e.sourceName() + ": " + e.message();
          default -> null;
        };
    if (line != null) {
      clearStatus();
      out.println(TIME.format(e.time()) + " " + Output.terminal(line)); // data may hold anything
    }
    drawStatus();
    out.flush();
  }

  @Override
  public synchronized void executableStatistic(ExecutableStatistic statistic) {
    statistics.add(statistic);
  }

  synchronized List<ExecutableStatistic> statistics() {
    return List.copyOf(statistics);
  }

  /** Redraws the live line (called by a timer too, so elapsed times move). */
  synchronized void tick() {
    drawStatus();
    out.flush();
  }

  synchronized void finish() {
    clearStatus();
    out.flush();
  }

  private void drawStatus() {
    if (!live) {
      return;
    }
    clearStatus();
    if (running.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    List<String> parts = new ArrayList<>();
    running.forEach(
        (path, since) ->
            parts.add(
                path.substring(path.lastIndexOf('\\') + 1)
                    + " "
                    + Duration.between(since, now).toSeconds()
                    + "s"));
    out.print("running: " + String.join(", ", parts));
    statusShown = true;
  }

  private void clearStatus() {
    if (statusShown) {
      out.print("\r\033[2K");
      statusShown = false;
    }
  }

  private static String result(String message) {
    int colon = message.lastIndexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  static boolean isTerminal() {
    return System.console() != null
        && System.getenv("TERM") != null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
