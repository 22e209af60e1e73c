package io.sluice.engine.testing;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.runtime.RunResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a test run reported: every event, and the run's result once {@link TestRuns} has it. */
public class RecordedEvents implements EventSink {

  public final List<EngineEvent> events = new CopyOnWriteArrayList<>();
  public RunResult result;

  @Override
  public void event(EngineEvent event) {
    events.add(event);
  }

  /** The messages of the events of {@code type}, in order. */
  public List<String> messages(MessageType type) {
    return events.stream().filter(e -> e.type() == type).map(EngineEvent::message).toList();
  }

  /** Every event as "TYPE message", to describe a failed assertion. */
  public String all() {
    return events.stream().map(e -> e.type() + " " + e.message()).toList().toString();
  }
}
