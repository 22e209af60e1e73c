package io.sluice.catalog.monitoring;

import io.sluice.catalog.execution.WorkerPresence;
import org.jdbi.v3.core.Jdbi;

/**
 * The state of the whole Scale Out cluster as the catalog holds it, for monitoring: the same
 * numbers whichever master reads them.
 *
 * @param queued executions started and waiting for a runner (5 pending): Scale Out and server-mode
 * @param executionsRunning executions running or being stopped (2, 8), on workers or masters
 * @param tasksRunning Scale Out tasks a worker holds now (a lease in force)
 * @param workersEnabled enabled workers (not removed), online or not
 * @param workersOnline enabled workers seen within the last minute: the ones that can take work
 * @param leaderPresent whether a master holds an unexpired leader lease
 */
public record ClusterCounts(
    long queued,
    long executionsRunning,
    long tasksRunning,
    long workersEnabled,
    long workersOnline,
    boolean leaderPresent) {

  // One round trip. Each count reads a small partial index (execution_active,
  // scale_out_task_running)
  // or a small table (workers, the lease), so it stays cheap however long the history grows.
  private static final String READ =
      """
      select
          (select count(*) from execution where status = 5) as queued,
          (select count(*) from execution where status in (2, 8)) as executions_running,
          (select count(*) from scale_out_task where status = 'RUNNING') as tasks_running,
          (select count(*) from worker_agent w where w.enabled and w.removed_time is null)
              as workers_enabled,
          (select count(*) from worker_agent w
           where w.enabled and w.removed_time is null and %s) as workers_online,
          exists (select 1 from leader_lease where holder is not null and expires_at > now())
              as leader_present
      """
          .formatted(WorkerPresence.ONLINE);

  /** Reads the counts now, in one query. */
  public static ClusterCounts read(Jdbi jdbi) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(READ)
                .map(
                    (rs, ctx) ->
                        new ClusterCounts(
                            rs.getLong("queued"),
                            rs.getLong("executions_running"),
                            rs.getLong("tasks_running"),
                            rs.getLong("workers_enabled"),
                            rs.getLong("workers_online"),
                            rs.getBoolean("leader_present")))
                .one());
  }
}
