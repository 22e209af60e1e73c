package io.sluice.master.serverexecution;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a run's events and statistics in the catalog. Package threads only append to memory; a
 * flusher writes batches every {@value #FLUSH_MILLIS} ms (or sooner when a batch is full), so a
 * chatty package never waits on the database row by row.
 *
 * <p>If the catalog refuses a batch because the execution is no longer running (it was ended
 * without this runner), {@link #rejected()} turns true and the runner cancels the package.
 */
final class CatalogEventSink implements EventSink, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CatalogEventSink.class);
  private static final long FLUSH_MILLIS = 250;
  private static final int BATCH = 2_000;

  private final ExecutionRuntime runtime;
  private final long executionId;
  private final ScheduledExecutorService flusher;
  private final Object lock = new Object();
  private List<NewEventMessage> events = new ArrayList<>();
  private List<io.sluice.catalog.execution.ExecutableStatistic> executables = new ArrayList<>();
  private List<io.sluice.catalog.execution.DataFlowStatistic> paths = new ArrayList<>();
  private volatile boolean rejected;

  CatalogEventSink(ExecutionRuntime runtime, long executionId) {
    this.runtime = runtime;
    this.executionId = executionId;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-events-" + executionId);
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void event(EngineEvent e) {
    message(
        EventRows.message(
            e.time(),
            e.type(),
            e.packageName(),
            e.sourceName(),
            e.executionPath(),
            e.subcomponent(),
            e.message(),
            e.code(),
            e.threadId()));
  }

  @Override
  public void executableStatistic(ExecutableStatistic s) {
    executable(
        EventRows.executable(s.executablePath(), s.start(), s.end(), s.result(), s.resultValue()));
  }

  @Override
  public void dataFlowStatistic(DataFlowStatistic s) {
    path(
        EventRows.dataFlow(
            s.packageName(),
            s.taskName(),
            s.pathName(),
            s.sourceComponent(),
            s.destinationComponent(),
            s.rowsSent(),
            s.time()));
  }

  /** An event as its catalog row (from a server-mode child, which sent it as a line). */
  void message(NewEventMessage message) {
    boolean full;
    synchronized (lock) {
      events.add(message);
      full = events.size() >= BATCH;
    }
    if (full) {
      flusher.execute(this::flushQuietly);
    }
  }

  void executable(io.sluice.catalog.execution.ExecutableStatistic statistic) {
    synchronized (lock) {
      executables.add(statistic);
    }
  }

  void path(io.sluice.catalog.execution.DataFlowStatistic statistic) {
    synchronized (lock) {
      paths.add(statistic);
    }
  }

  /** True once the catalog refused this run's logs: the execution ended without this runner. */
  boolean rejected() {
    return rejected;
  }

  /**
   * Writes everything buffered; called by the flusher, and once more on close. A batch the catalog
   * could not take (e.g. during a failover) goes back to the front of the buffer, in order, and is
   * tried again on the next flush: nothing is dropped but what the catalog refused for good.
   */
  void flush() {
    List<NewEventMessage> e;
    List<io.sluice.catalog.execution.ExecutableStatistic> x;
    List<io.sluice.catalog.execution.DataFlowStatistic> p;
    synchronized (lock) {
      e = events;
      x = executables;
      p = paths;
      events = new ArrayList<>();
      executables = new ArrayList<>();
      paths = new ArrayList<>();
    }
    RuntimeException failure = null;
    try {
      runtime.recordEvents(executionId, e);
    } catch (RuntimeException ex) {
      failure = retryLater(ex, () -> events.addAll(0, e));
    }
    try {
      runtime.recordExecutableStatistics(executionId, x);
    } catch (RuntimeException ex) {
      failure = retryLater(ex, () -> executables.addAll(0, x));
    }
    try {
      runtime.recordDataStatistics(executionId, p);
    } catch (RuntimeException ex) {
      failure = retryLater(ex, () -> paths.addAll(0, p));
    }
    if (failure != null) {
      throw failure;
    }
  }

  private RuntimeException retryLater(RuntimeException failure, Runnable putBack) {
    if (failure instanceof CatalogException refused
        && refused.reason() == CatalogException.Reason.CONFLICT) {
      rejected = true; // the execution no longer accepts logs: retrying cannot help
    } else {
      synchronized (lock) {
        putBack.run();
      }
    }
    return failure;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      // Kept for the final flush, which reports; the package keeps running meanwhile.
      log.warn("cannot store the events of execution {} yet: {}", executionId, e.getMessage());
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
