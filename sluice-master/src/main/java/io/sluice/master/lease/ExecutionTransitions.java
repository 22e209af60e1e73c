package io.sluice.master.lease;

import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Status changes of a Scale Out execution inside the caller's transaction, each an optimistic
 * update decided by its row count; the execution's operation row follows it, as in SSIS.
 */
public final class ExecutionTransitions {

  private ExecutionTransitions() {}

  /** 5 pending to 2 running on {@code workerId}; false if it is no longer pending. */
  public static boolean markRunning(Handle handle, long executionId, UUID workerId) {
    int changed =
        handle
            .createUpdate(
                """
                update execution
                set status = 2, executed_count = executed_count + 1, worker_agent_id = :workerId
                where execution_id = :executionId and status = 5
                """)
            .bind("workerId", workerId)
            .bind("executionId", executionId)
            .execute();
    if (changed == 1) {
      operation(handle, executionId, OperationStatus.RUNNING, false);
    }
    return changed == 1;
  }

  /** 2 running back to 5 pending, for a retry; false if it is not running. */
  public static boolean markPending(Handle handle, long executionId) {
    int changed =
        handle
            .createUpdate("update execution set status = 5 where execution_id = :id and status = 2")
            .bind("id", executionId)
            .execute();
    if (changed == 1) {
      operation(handle, executionId, OperationStatus.PENDING, false);
    }
    return changed == 1;
  }

  /** 2 running to 8 stopping; false if it is not running. */
  public static boolean markStopping(Handle handle, long executionId) {
    int changed =
        handle
            .createUpdate("update execution set status = 8 where execution_id = :id and status = 2")
            .bind("id", executionId)
            .execute();
    if (changed == 1) {
      operation(handle, executionId, OperationStatus.STOPPING, false);
    }
    return changed == 1;
  }

  /** A pending, running or stopping execution to a final status; false if it had ended. */
  public static boolean finish(Handle handle, long executionId, OperationStatus outcome) {
    int changed =
        handle
            .createUpdate(
                """
                update execution set status = :outcome, end_time = now()
                where execution_id = :id and status in (2, 5, 8)
                """)
            .bind("outcome", outcome.code())
            .bind("id", executionId)
            .execute();
    if (changed == 1) {
      operation(handle, executionId, outcome, true);
    }
    return changed == 1;
  }

  /**
   * Adds a message to the execution's log (it must be running or stopping), timed by the catalog:
   * what the master did to it (a retry, a lost worker), where users look for it.
   */
  public static void message(Handle handle, long executionId, MessageType type, String text) {
    ExecutionRuntime.recordEvents(
        handle, executionId, List.of(NewEventMessage.of(null, type, text)));
  }

  private static void operation(
      Handle handle, long executionId, OperationStatus status, boolean ended) {
    handle
        .createUpdate(
            """
            update operation
            set status = :status, end_time = case when :ended then now() else end_time end
            where operation_id = :id
            """)
        .bind("status", status.code())
        .bind("ended", ended)
        .bind("id", executionId)
        .execute();
  }
}
