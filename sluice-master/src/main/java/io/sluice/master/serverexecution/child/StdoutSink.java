package io.sluice.master.serverexecution.child;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.protocol.worker.EventBatch;
import java.io.PrintStream;

/**
 * Writes a run's events and statistics to the master as {@link ChildLine}s, one flushed line each,
 * in the worker protocol's types. The master batches them into the catalog; writing here costs a
 * pipe write per event, which a chatty package's threads share under one lock.
 */
final class StdoutSink implements EventSink {

  private final PrintStream out;

  StdoutSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void event(EngineEvent e) {
    write(
        ChildLine.of(
            new EventBatch.Event(
                e.time().toEpochMilli(),
                e.type().code(),
                e.packageName(),
                e.sourceName(),
                e.executionPath(),
                e.subcomponent(),
                e.message(),
                e.code(),
                e.threadId())));
  }

  @Override
  public void executableStatistic(ExecutableStatistic s) {
    write(
        ChildLine.of(
            new EventBatch.ExecutableStatistic(
                s.packageName(),
                s.executablePath(),
                s.start().toEpochMilli(),
                s.end().toEpochMilli(),
                s.result(),
                s.resultValue())));
  }

  @Override
  public void dataFlowStatistic(DataFlowStatistic s) {
    write(
        ChildLine.of(
            new EventBatch.PathStatistic(
                s.packageName(),
                s.taskName(),
                s.pathName(),
                s.sourceComponent(),
                s.destinationComponent(),
                s.rowsSent(),
                s.time().toEpochMilli())));
  }

  void write(ChildLine line) {
    String text = ChildWire.line(line);
    synchronized (out) {
      out.print(text);
      out.print('\n');
      out.flush();
    }
  }
}
