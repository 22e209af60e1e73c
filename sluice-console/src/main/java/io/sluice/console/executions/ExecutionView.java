package io.sluice.console.executions;

import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionParameterValue;
import io.sluice.catalog.execution.ExecutionPropertyOverride;
import io.sluice.catalog.message.EventMessage;
import io.sluice.console.web.Chrome;
import java.time.Instant;
import java.util.List;

/**
 * The model of execution.jte. Sensitive values are never in it: the catalog hides them (value
 * null), as the REST API shows them.
 *
 * @param lastMessageId the stream of new messages starts after this one
 * @param moreMessages more messages were stored than the page shows at first
 * @param notice what the page says first (e.g. how a "run again" went), or null
 * @param statistics its timeline and data-flow rows; null on the part that refreshes itself
 */
public record ExecutionView(
    Chrome chrome,
    Instant now,
    Execution execution,
    List<ExecutionParameterValue> parameters,
    List<ExecutionPropertyOverride> overrides,
    List<String> warnings,
    List<EventMessage> messages,
    long lastMessageId,
    boolean moreMessages,
    String notice,
    StatisticsView statistics) {

  public boolean ended() {
    return execution.state().isFinal();
  }

  /** Whether stopping it means anything: it has not ended and is not stopping already. */
  public boolean stoppable() {
    return !ended() && execution.status() != 8;
  }
}
