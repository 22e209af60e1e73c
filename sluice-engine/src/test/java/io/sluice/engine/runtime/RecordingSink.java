package io.sluice.engine.runtime;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.engine.event.MessageType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event and statistic of a run, for assertions. */
final class RecordingSink implements EventSink {

  final List<EngineEvent> events = new CopyOnWriteArrayList<>();
  final List<ExecutableStatistic> statistics = new CopyOnWriteArrayList<>();

  @Override
  public void event(EngineEvent event) {
    events.add(event);
  }

  @Override
  public void executableStatistic(ExecutableStatistic statistic) {
    statistics.add(statistic);
  }

  List<String> messages(MessageType type) {
    return events.stream().filter(e -> e.type() == type).map(EngineEvent::message).toList();
  }

  /** Names of the executables that raised events of {@code type}, in order. */
  List<String> sources(MessageType type) {
    return events.stream().filter(e -> e.type() == type).map(EngineEvent::sourceName).toList();
  }

  /** The event types raised by one executable (by path), in order. */
  List<MessageType> typesOf(String path) {
    return events.stream()
        .filter(e -> e.executionPath().equals(path))
        .map(EngineEvent::type)
        .toList();
  }

  /** The result code of the statistics of the executable at {@code path}. */
  List<Integer> results(String path) {
    return statistics.stream()
        .filter(s -> s.executablePath().equals(path))
        .map(ExecutableStatistic::result)
        .toList();
  }
}
