package io.sluice.master.dispatch;

import io.sluice.engine.event.MessageType;
import io.sluice.master.lease.ExecutionTransitions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Gives back a task handed to a poll whose answer could not be sent (the worker's connection had
 * closed). The worker never received the attempt, so the task goes straight back to the queue
 * instead of sitting assigned until its lease runs out, and without using up a retry.
 *
 * <p>Only while nothing shows that the worker has it after all: the attempt is still the current
 * one and running, no event batch came ({@code last_event_sequence = 0}) and no heartbeat renewed
 * the lease (it still ends exactly one lease after the hand-out; a renewal sets it from a later
 * {@code now()}), and the execution is not being stopped. All checked by the row count of one
 * conditional update, so a worker that did get the task never shares it with a second attempt. The
 * attempt number is not reused: the next hand-out is attempt + 1 and {@code max_attempts} grows by
 * one, so the fencing token stays unique and the retries the user asked for stay intact.
 */
public final class UndeliveredTasks {

  // The task and its execution are locked in the claim's order (task, then execution), and the
  // conditions are checked again on the locked rows, so a report or stop that won the race wins.
  private static final String GIVE_BACK =
      """
      with undelivered as (
          select t.task_id
          from scale_out_task t
          join execution e on e.execution_id = t.execution_id
          where t.task_id = :taskId and t.attempt = :attempt and t.status = 'RUNNING'
            and t.worker_agent_id = :workerId
            and t.last_event_sequence = 0
            and t.expires_at = t.assigned_time + :leaseMillis * interval '1 millisecond'
            and e.status = 2
          for update of t, e
      )
      update scale_out_task t
      set status = 'QUEUED', max_attempts = t.max_attempts + 1, expires_at = null
      from undelivered u
      where t.task_id = u.task_id
      returning t.execution_id
      """;

  private final Jdbi jdbi;
  private final Duration lease;

  public UndeliveredTasks(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  /**
   * Re-queues attempt {@code attempt} of task {@code taskId}, handed to {@code workerId} but not
   * delivered; false when it was not (the worker reported on it, or it ended meanwhile), and then
   * the usual lease rules handle it.
   */
  public boolean giveBack(UUID workerId, long taskId, int attempt) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Long> execution =
              handle
                  .createQuery(GIVE_BACK)
                  .bind("taskId", taskId)
                  .bind("attempt", attempt)
                  .bind("workerId", workerId)
                  .bind("leaseMillis", lease.toMillis())
                  .mapTo(Long.class)
                  .findOne();
          if (execution.isEmpty()) {
            return false;
          }
          ExecutionTransitions.message(
              handle,
              execution.get(),
              MessageType.INFORMATION,
              "attempt "
                  + attempt
                  + " could not be sent to worker "
                  + workerId
                  + " (its poll's connection had closed); queued again, no retry used");
          // The execution row is locked above and was 2 running: this cannot miss.
          ExecutionTransitions.markPending(handle, execution.get());
          return true;
        });
  }
}
