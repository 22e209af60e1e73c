package io.sluice.worker.task;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.engine.event.SecretMask;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.worker.spool.AttemptSpool;
import io.sluice.worker.spool.SpoolWriteException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where one attempt's events go, with the execution's sensitive values masked: each event is a line
 * in the task log at once, and events and statistics are cut into numbered batches in the spool
 * every {@value #FLUSH_MILLIS} ms (or at {@value #MAX_BATCH} events), so package threads never wait
 * on disk or network per event.
 */
final class AttemptSink implements EventSink, AutoCloseable {

  static final long FLUSH_MILLIS = 200;
  static final int MAX_BATCH = 1_000;

  private final AttemptSpool spool;
  private final TaskLog taskLog;
  private final SecretMask secrets;
  private final Runnable delivered;
  private final Consumer<SpoolWriteException> spoolFailed;
  private final ScheduledExecutorService timers;
  private final ScheduledFuture<?> ticker;
  private final Object lock = new Object();
  private List<EventBatch.Event> events = new ArrayList<>();
  private List<EventBatch.ExecutableStatistic> executables = new ArrayList<>();
  private List<EventBatch.PathStatistic> paths = new ArrayList<>();
  private boolean failureReported;

  /**
   * @param delivered called after a batch reached the spool (wakes the sender)
   * @param spoolFailed called once if the spool cannot be written (the task is then stopped)
   */
  AttemptSink(
      AttemptSpool spool,
      TaskLog taskLog,
      SecretMask secrets,
      ScheduledExecutorService timers,
      Runnable delivered,
      Consumer<SpoolWriteException> spoolFailed) {
    this.spool = spool;
    this.taskLog = taskLog;
    this.secrets = secrets;
    this.delivered = delivered;
    this.spoolFailed = spoolFailed;
    this.timers = timers;
    this.ticker =
        timers.scheduleWithFixedDelay(
            this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void event(EngineEvent event) {
    // The one door to the task log and the spool (and so to the master and the catalog): the
    // engine masks its events already; this also covers the attempt's own.
    EngineEvent e = secrets.maskEvent(event);
    taskLog.event(e);
    boolean full;
    synchronized (lock) {
      events.add(
          new EventBatch.Event(
              e.time().toEpochMilli(),
              e.type().code(),
              e.packageName(),
              e.sourceName(),
              e.executionPath(),
              e.subcomponent(),
              e.message(),
              e.code(),
              e.threadId()));
      full = events.size() >= MAX_BATCH;
    }
    if (full) {
      timers.execute(this::flush);
    }
  }

  @Override
  public void executableStatistic(ExecutableStatistic s) {
    synchronized (lock) {
      executables.add(
          new EventBatch.ExecutableStatistic(
              s.packageName(),
              s.executablePath(),
              s.start().toEpochMilli(),
              s.end().toEpochMilli(),
              s.result(),
              s.resultValue()));
    }
  }

  @Override
  public void dataFlowStatistic(DataFlowStatistic s) {
    synchronized (lock) {
      paths.add(
          new EventBatch.PathStatistic(
              s.packageName(),
              s.taskName(),
              s.pathName(),
              s.sourceComponent(),
              s.destinationComponent(),
              s.rowsSent(),
              s.time().toEpochMilli()));
    }
  }

  /** Cuts what is buffered into the next batch (none if nothing is), and wakes the sender. */
  void flush() {
    flush(true);
  }

  private void flush(boolean wakeSender) {
    // One flush at a time, so batches reach the spool in the order they were cut.
    synchronized (spool) {
      List<EventBatch.Event> e;
      List<EventBatch.ExecutableStatistic> x;
      List<EventBatch.PathStatistic> p;
      synchronized (lock) {
        if (events.isEmpty() && executables.isEmpty() && paths.isEmpty()) {
          return;
        }
        e = events;
        x = executables;
        p = paths;
        events = new ArrayList<>();
        executables = new ArrayList<>();
        paths = new ArrayList<>();
      }
      taskLog.flush();
      try {
        spool.append(e, x, p);
      } catch (SpoolWriteException failure) {
        if (!failureReported) {
          failureReported = true;
          spoolFailed.accept(failure);
        }
      }
    }
    if (wakeSender) {
      delivered.run();
    }
  }

  /**
   * Cuts the last batch. The sender is not woken: the attempt's result follows at once (and wakes
   * it), so the last batch and the result usually travel in one request.
   */
  @Override
  public void close() {
    ticker.cancel(false);
    flush(false);
    taskLog.flush();
  }
}
