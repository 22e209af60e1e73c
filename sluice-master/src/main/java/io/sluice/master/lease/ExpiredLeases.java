package io.sluice.master.lease;

import io.sluice.catalog.operation.OperationStatus;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds attempts whose worker stopped renewing: RUNNING with {@code now() > expires_at + G} on the
 * catalog's clock (task-leases.md rule 4). By then the worker has stopped the package itself (rule
 * 3), so the task may run again elsewhere: re-queued while attempts remain, else the execution ends
 * 6 (ended unexpectedly).
 *
 * <p>Safe with several masters checking at once: rows are claimed {@code FOR UPDATE SKIP LOCKED}
 * and PostgreSQL re-checks the expiry on the locked row, so a renewal that won the race keeps its
 * task, and no task is handled twice.
 */
public final class ExpiredLeases {

  private static final int BATCH = 100;

  private final Jdbi jdbi;
  private final Duration grace;

  public ExpiredLeases(Jdbi jdbi, Duration grace) {
    this.jdbi = jdbi;
    this.grace = grace;
  }

  private record Lost(TaskEndings.Attempt attempt, String workerName, String expiredAt) {}

  /** Handles every expired attempt; returns how many. */
  public int check() {
    return jdbi.inTransaction(
        handle -> {
          List<Lost> lost =
              handle
                  .createQuery(
                      """
                      select t.task_id, t.execution_id, t.attempt, t.max_attempts,
                             e.status as execution_status,
                             coalesce(nullif(w.display_name, ''), w.machine_name, 'unknown')
                                 || ' (' || coalesce(t.worker_agent_id::text, '?') || ')'
                                 as worker_name,
                             to_char(t.expires_at at time zone 'UTC',
                                     'YYYY-MM-DD HH24:MI:SS.MS "UTC"') as expired_at
                      from scale_out_task t
                      join execution e on e.execution_id = t.execution_id
                      left join worker_agent w on w.worker_agent_id = t.worker_agent_id
                      where t.status = 'RUNNING'
                        and now() > t.expires_at + :graceMillis * interval '1 millisecond'
                      order by t.expires_at
                      limit :batch
                      for update of t skip locked
                      """)
                  .bind("graceMillis", grace.toMillis())
                  .bind("batch", BATCH)
                  .map(
                      (rs, ctx) ->
                          new Lost(
                              new TaskEndings.Attempt(
                                  rs.getLong("task_id"),
                                  rs.getLong("execution_id"),
                                  rs.getInt("attempt"),
                                  rs.getInt("max_attempts"),
                                  rs.getInt("execution_status")),
                              rs.getString("worker_name"),
                              rs.getString("expired_at")))
                  .list();
          for (Lost l : lost) {
            TaskEndings.retryOrEnd(
                handle,
                l.attempt(),
                "was lost on worker "
                    + l.workerName()
                    + ": no lease renewal since its lease ran out at "
                    + l.expiredAt(),
                "EXPIRED",
                OperationStatus.ENDED_UNEXPECTEDLY);
          }
          return lost.size();
        });
  }
}
