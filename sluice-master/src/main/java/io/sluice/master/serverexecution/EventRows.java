package io.sluice.master.serverexecution;

import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.engine.event.MessageType;
import java.time.Instant;

/**
 * How engine events become catalog rows, in one place: the in-process runner and the Scale Out
 * master (storing a worker's batches) must write the same columns the same way.
 */
public final class EventRows {

  private EventRows() {}

  /** An event message (SSIS event_messages). */
  public static NewEventMessage message(
      Instant time,
      MessageType type,
      String packageName,
      String sourceName,
      String executionPath,
      String subcomponent,
      String message,
      int code,
      long threadId) {
    return new NewEventMessage(
        time,
        type.code(),
        sourceType(packageName, sourceName, subcomponent),
        message,
        packageName,
        "On" + type.label(),
        sourceName,
        subcomponent,
        packageName,
        executionPath,
        (int) threadId,
        code);
  }

  /** One run of an executable (SSIS executable_statistics). */
  public static ExecutableStatistic executable(
      String executablePath, Instant start, Instant end, int result, String resultValue) {
    String name = executablePath.substring(executablePath.lastIndexOf('\\') + 1);
    return new ExecutableStatistic(
        name,
        executablePath,
        executablePath,
        start,
        end,
        end.toEpochMilli() - start.toEpochMilli(),
        result,
        resultValue);
  }

  /** Rows sent along a data-flow path (SSIS execution_data_statistics). */
  public static DataFlowStatistic dataFlow(
      String packageName,
      String taskName,
      String pathName,
      String sourceComponent,
      String destinationComponent,
      long rowsSent,
      Instant time) {
    return new DataFlowStatistic(
        packageName,
        taskName,
        pathName,
        pathName,
        sourceComponent,
        destinationComponent,
        rowsSent,
        time);
  }

  /** SSIS message_source_type: 30 package, 40 control-flow task, 60 data-flow component. */
  private static int sourceType(String packageName, String sourceName, String subcomponent) {
    if (subcomponent != null) {
      return 60;
    }
    return sourceName != null && sourceName.equals(packageName) ? 30 : 40;
  }
}
