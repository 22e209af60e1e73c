package io.sluice.master.dispatch;

import io.sluice.master.lease.ExecutionTransitions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands queued tasks to one worker, in one transaction: the oldest tasks this worker may run (it is
 * enabled and not removed; the execution may use any worker, or names this one), claimed with
 * {@code FOR UPDATE SKIP LOCKED} so several masters (and several polls) never take the same task
 * and never wait on each other. Each hand-out is a new attempt with a lease on the catalog's clock.
 */
public class TaskAssigner {

  /** A task handed out: the attempt number is the fencing token of every later report. */
  public record Assigned(long taskId, long executionId, int attempt) {}

  private final Jdbi jdbi;
  private final Duration lease;

  public TaskAssigner(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  public List<Assigned> assign(UUID workerId, int slots) {
    return jdbi.inTransaction(
        handle -> {
          List<Assigned> assigned =
              handle
                  .createQuery(
                      """
                      with candidate as (
                          select t.task_id
                          from scale_out_task t
                          join execution e on e.execution_id = t.execution_id
                          join worker_agent w on w.worker_agent_id = :workerId
                          where t.status = 'QUEUED'
                            and e.status = 5
                            and w.enabled and w.removed_time is null
                            and (e.use_any_worker
                                 or exists (select 1 from execution_worker x
                                            where x.execution_id = t.execution_id
                                              and x.worker_agent_id = :workerId))
                          order by t.created_time, t.task_id
                          limit :slots
                          for update of t, e skip locked
                      )
                      update scale_out_task t
                      set status = 'RUNNING',
                          attempt = t.attempt + 1,
                          worker_agent_id = :workerId,
                          assigned_time = now(),
                          expires_at = now() + :leaseMillis * interval '1 millisecond',
                          last_event_sequence = 0
                      from candidate c
                      where t.task_id = c.task_id
                      returning t.task_id, t.execution_id, t.attempt
                      """)
                  .bind("workerId", workerId)
                  .bind("slots", slots)
                  .bind("leaseMillis", lease.toMillis())
                  .map(
                      (rs, ctx) ->
                          new Assigned(
                              rs.getLong("task_id"),
                              rs.getLong("execution_id"),
                              rs.getInt("attempt")))
                  .list();
          for (Assigned a : assigned) {
            // The execution row is locked above, and was 5 pending: this cannot miss.
            ExecutionTransitions.markRunning(handle, a.executionId(), workerId);
          }
          return assigned;
        });
  }
}
