package io.sluice.master.lease;

import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Stops tasks that run longer than the task timeout: their execution goes 8 stopping, and the
 * worker hears STOP at its next heartbeat, as for an operator's stop.
 */
public final class TaskTimeouts {

  private final Jdbi jdbi;
  private final Duration timeout;

  public TaskTimeouts(Jdbi jdbi, Duration timeout) {
    this.jdbi = jdbi;
    this.timeout = timeout;
  }

  /** Sets overdue executions stopping; returns how many. */
  public int check() {
    if (timeout.isZero()) {
      return 0;
    }
    return jdbi.inTransaction(
        handle -> {
          List<Long> overdue =
              handle
                  .createQuery(
                      """
                      select t.execution_id
                      from scale_out_task t
                      join execution e on e.execution_id = t.execution_id
                      where t.status = 'RUNNING' and e.status = 2
                        and t.assigned_time < now() - :timeoutMillis * interval '1 millisecond'
                      for update of e skip locked
                      """)
                  .bind("timeoutMillis", timeout.toMillis())
                  .mapTo(Long.class)
                  .list();
          for (long executionId : overdue) {
            if (ExecutionTransitions.markStopping(handle, executionId)) {
              ExecutionTransitions.message(
                  handle,
                  executionId,
                  MessageType.WARNING,
                  "the task ran longer than the task timeout ("
                      + timeout.toSeconds()
                      + " s): stopping it");
            }
          }
          return overdue.size();
        });
  }
}
