package io.sluice.master.lease;

import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import org.jdbi.v3.core.Handle;

/**
 * What happens to a task whose attempt failed or was lost: re-queued while attempts remain (the
 * execution goes back to 5 pending, with a warning in its log), otherwise ended with the
 * execution's final status. An execution asked to stop is never retried: it ends 3 canceled.
 */
public final class TaskEndings {

  private TaskEndings() {}

  /** The task row fields these decisions need. */
  public record Attempt(
      long taskId, long executionId, int attempt, int maxAttempts, int executionStatus) {}

  /**
   * Ends attempt {@code a} (which must still be RUNNING): {@code why} says what happened, e.g.
   * "failed on worker X". Returns the execution's status afterwards.
   */
  public static OperationStatus retryOrEnd(
      Handle handle, Attempt a, String why, String taskResult, OperationStatus finalStatus) {
    if (a.executionStatus() == OperationStatus.STOPPING.code()) {
      ExecutionTransitions.message(
          handle,
          a.executionId(),
          MessageType.WARNING,
          "attempt " + a.attempt() + " " + why + "; the execution was being stopped: canceled");
      end(handle, a, "CANCELED");
      ExecutionTransitions.finish(handle, a.executionId(), OperationStatus.CANCELED);
      return OperationStatus.CANCELED;
    }
    if (a.attempt() < a.maxAttempts()) {
      ExecutionTransitions.message(
          handle,
          a.executionId(),
          MessageType.WARNING,
          "attempt "
              + a.attempt()
              + " of "
              + a.maxAttempts()
              + " "
              + why
              + "; retrying (attempt "
              + (a.attempt() + 1)
              + ")");
      int requeued =
          handle
              .createUpdate(
                  """
                  update scale_out_task
                  set status = 'QUEUED', expires_at = null
                  where task_id = :taskId and attempt = :attempt and status = 'RUNNING'
                  """)
              .bind("taskId", a.taskId())
              .bind("attempt", a.attempt())
              .execute();
      if (requeued == 1) {
        ExecutionTransitions.markPending(handle, a.executionId());
      }
      return OperationStatus.PENDING;
    }
    ExecutionTransitions.message(
        handle,
        a.executionId(),
        MessageType.ERROR,
        "attempt "
            + a.attempt()
            + " of "
            + a.maxAttempts()
            + " "
            + why
            + "; no attempts left (start the execution with a higher retry count to allow more)");
    end(handle, a, taskResult);
    ExecutionTransitions.finish(handle, a.executionId(), finalStatus);
    return finalStatus;
  }

  /**
   * Ends the task with the result its worker reported for attempt {@code a}, and notes that this
   * attempt's result was applied (so a repeat after a lost answer is told ACCEPTED), in one update.
   */
  public static boolean endWithResult(Handle handle, Attempt a, String result) {
    return handle
            .createUpdate(
                """
                update scale_out_task
                set status = 'ENDED', result = :result, ended_time = now(), expires_at = null,
                    result_attempt = :attempt
                where task_id = :taskId and attempt = :attempt and status = 'RUNNING'
                """)
            .bind("result", result)
            .bind("taskId", a.taskId())
            .bind("attempt", a.attempt())
            .execute()
        == 1;
  }

  /** Ends the task with {@code result}, if attempt {@code a} is still running. */
  public static boolean end(Handle handle, Attempt a, String result) {
    return handle
            .createUpdate(
                """
                update scale_out_task
                set status = 'ENDED', result = :result, ended_time = now(), expires_at = null
                where task_id = :taskId and attempt = :attempt and status = 'RUNNING'
                """)
            .bind("result", result)
            .bind("taskId", a.taskId())
            .bind("attempt", a.attempt())
            .execute()
        == 1;
  }
}
