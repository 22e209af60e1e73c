package io.sluice.master.lease;

import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.monitoring.ExecutionEvents;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Status changes of a Scale Out execution inside the caller's transaction, each an optimistic
 * update decided by its row count; the execution's operation row follows it, as in SSIS.
 */
public final class ExecutionTransitions {

  private ExecutionTransitions() {}

  /** 2 running back to 5 pending, for a retry; false if it is not running. */
  public static boolean markPending(Handle handle, long executionId) {
    return change(handle, executionId, OperationStatus.PENDING, new Integer[] {2}).isPresent();
  }

  /** 2 running to 8 stopping; false if it is not running. */
  public static boolean markStopping(Handle handle, long executionId) {
    return change(handle, executionId, OperationStatus.STOPPING, new Integer[] {2}).isPresent();
  }

  /** A pending, running or stopping execution to a final status; false if it had ended. */
  public static boolean finish(Handle handle, long executionId, OperationStatus outcome) {
    Optional<ExecutionEvents.EndedExecution> ended =
        change(handle, executionId, outcome, new Integer[] {2, 5, 8});
    // for the metrics, once committed
    ended.ifPresent(e -> ExecutionEvents.ended(handle, e));
    return ended.isPresent();
  }

  /**
   * Adds a message to the execution's log (it must be running or stopping), timed by the catalog:
   * what the master did to it (a retry, a lost worker), where users look for it.
   */
  public static void message(Handle handle, long executionId, MessageType type, String text) {
    ExecutionRuntime.recordEvents(
        handle, executionId, List.of(NewEventMessage.of(null, type, text)));
  }

  // The execution and, only if it changed, its operation row, in one statement: a round trip
  // fewer per change than two updates. A final status also sets both end times. The changed row
  // comes back with what the metrics need of an ended execution (ExecutionEvents.ENDED_COLUMNS).
  private static final String CHANGE =
      """
      with changed as (
          update execution
          set status = :status, end_time = case when :ended then now() else end_time end,
              -- back to pending for a retry: no worker has it (the lost one is not shown)
              worker_agent_id = case when :status = 5 then null else worker_agent_id end
          where execution_id = :id and status = any(:from)
          returning execution_id, %s
      ), operation_changed as (
          update operation
          set status = :status, end_time = case when :ended then now() else end_time end
          where operation_id in (select execution_id from changed)
      )
      select * from changed
      """
          .formatted(ExecutionEvents.ENDED_COLUMNS);

  /** One optimistic status change, decided by whether a row changed: the row, if one did. */
  private static Optional<ExecutionEvents.EndedExecution> change(
      Handle handle, long executionId, OperationStatus status, Integer[] from) {
    return handle
        .createQuery(CHANGE)
        .bind("status", status.code())
        .bind("ended", status.isFinal())
        .bind("id", executionId)
        .bind("from", from)
        .map((rs, ctx) -> ExecutionEvents.endedRow(rs))
        .findOne();
  }
}
