package io.sluice.protocol.worker;

import java.util.List;

/**
 * Logs of one attempt, sent in order. {@code sequence} starts at 1 per attempt and grows by one per
 * batch; a master stores a batch only if its sequence is the next one, and acknowledges a repeat
 * without storing it again: events survive retries and master failovers exactly once.
 */
public record EventBatch(
    int attempt,
    long sequence,
    List<Event> events,
    List<ExecutableStatistic> executables,
    List<PathStatistic> paths) {

  /** One event message (SSIS event_messages). */
  public record Event(
      long timeMillis,
      int messageType,
      String packageName,
      String sourceName,
      String executionPath,
      String subcomponent,
      String message,
      int code,
      long threadId) {}

  /**
   * One run of an executable (SSIS executable_statistics); result 0 ok 1 failed 2 done 3 canceled.
   */
  public record ExecutableStatistic(
      String packageName,
      String executablePath,
      long startMillis,
      long endMillis,
      int result,
      String resultValue) {}

  /** Rows sent along a data-flow path (SSIS execution_data_statistics). */
  public record PathStatistic(
      String packageName,
      String taskName,
      String pathName,
      String sourceComponent,
      String destinationComponent,
      long rowsSent,
      long timeMillis) {}
}
