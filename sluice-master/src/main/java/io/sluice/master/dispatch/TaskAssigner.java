package io.sluice.master.dispatch;

import io.sluice.catalog.monitoring.ExecutionEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands queued tasks to one worker, in one transaction: the oldest tasks this worker may run (it is
 * enabled and not removed; the execution may use any worker, or names this one; the worker has
 * every tag the execution requires), claimed with {@code FOR UPDATE SKIP LOCKED} so several masters
 * (and several polls) never take the same task and never wait on each other. Each hand-out is a new
 * attempt with a lease on the catalog's clock.
 *
 * <p>The claim, the executions' move to 2 running and the read of what the worker needs (names,
 * logging level, parameter values) are two statements in that one transaction: the dispatch
 * benchmark showed per-task statements and transactions as the master's main cost.
 */
public class TaskAssigner {

  /**
   * A task handed out: the attempt number is the fencing token of every later report. The rest is
   * what the worker needs to run it (parameter values still as stored: sensitive ones encrypted).
   */
  public record Assigned(
      long taskId,
      long executionId,
      int attempt,
      String folder,
      String project,
      String packageName,
      int loggingLevel,
      long projectVersionId,
      List<StoredValue> parameters,
      List<StoredOverride> overrides) {}

  /** A property override of an execution as stored; {@code secret} holds an encrypted value. */
  public record StoredOverride(String path, boolean sensitive, String value, byte[] secret) {}

  /** A parameter value of an execution as stored; {@code secret} holds a sensitive one. */
  public record StoredValue(
      int objectType,
      String name,
      String dataType,
      boolean sensitive,
      String value,
      byte[] secret) {}

  private static final String CLAIM =
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
            and e.required_worker_tags <@ w.tags
          order by t.created_time, t.task_id
          limit :slots
          for update of t, e skip locked
      ), handed_out as (
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
      ), running as (
          -- The execution rows are locked above and were 5 pending: this cannot miss.
          update execution e
          set status = 2, executed_count = e.executed_count + 1, worker_agent_id = :workerId
          from handed_out h
          where e.execution_id = h.execution_id and e.status = 5
          returning e.execution_id, e.folder_name, e.project_name, e.package_name,
                    e.logging_level, e.project_version_id
      ), operation_running as (
          update operation o set status = 2
          from running r
          where o.operation_id = r.execution_id
      )
      select h.task_id, h.attempt, r.*,
             exists (select 1 from execution_property_override o
                     where o.execution_id = h.execution_id) as has_overrides
      from handed_out h
      join running r on r.execution_id = h.execution_id
      order by h.task_id
      """;

  private static final String PARAMETERS =
      """
      select execution_id, object_type, parameter_name, data_type, sensitive, value, value_secret
      from execution_parameter_value
      where execution_id = any(:executionIds)
      order by execution_id, object_type, parameter_name
      """;

  private static final String OVERRIDES =
      """
      select execution_id, property_path, sensitive, value, value_secret
      from execution_property_override
      where execution_id = any(:executionIds)
      order by execution_id, override_id
      """;

  private final Jdbi jdbi;
  private final Duration lease;

  public TaskAssigner(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  private record Claimed(
      long taskId,
      long executionId,
      int attempt,
      String folder,
      String project,
      String packageName,
      int loggingLevel,
      long projectVersionId,
      boolean hasOverrides) {}

  public List<Assigned> assign(UUID workerId, int slots) {
    return jdbi.inTransaction(
        handle -> {
          List<Claimed> claimed =
              handle
                  .createQuery(CLAIM)
                  .bind("workerId", workerId)
                  .bind("slots", slots)
                  .bind("leaseMillis", lease.toMillis())
                  .map(
                      (rs, ctx) ->
                          new Claimed(
                              rs.getLong("task_id"),
                              rs.getLong("execution_id"),
                              rs.getInt("attempt"),
                              rs.getString("folder_name"),
                              rs.getString("project_name"),
                              rs.getString("package_name"),
                              rs.getInt("logging_level"),
                              rs.getLong("project_version_id"),
                              rs.getBoolean("has_overrides")))
                  .list();
          if (claimed.isEmpty()) {
            return List.of();
          }
          // An execution starts with its first hand-out; a retry's hand-out is not a new start.
          ExecutionEvents.started(
              handle, (int) claimed.stream().filter(c -> c.attempt() == 1).count());
          Map<Long, List<StoredValue>> values = parameters(handle, claimed);
          // Few executions have overrides: read them only for those, sparing the hot path a query
          List<Claimed> withOverrides = claimed.stream().filter(Claimed::hasOverrides).toList();
          Map<Long, List<StoredOverride>> overrides =
              withOverrides.isEmpty() ? Map.of() : overrides(handle, withOverrides);
          List<Assigned> assigned = new ArrayList<>();
          for (Claimed c : claimed) {
            assigned.add(
                new Assigned(
                    c.taskId(),
                    c.executionId(),
                    c.attempt(),
                    c.folder(),
                    c.project(),
                    c.packageName(),
                    c.loggingLevel(),
                    c.projectVersionId(),
                    values.getOrDefault(c.executionId(), List.of()),
                    overrides.getOrDefault(c.executionId(), List.of())));
          }
          return assigned;
        });
  }

  private static Map<Long, List<StoredValue>> parameters(Handle handle, List<Claimed> claimed) {
    Long[] ids = claimed.stream().map(Claimed::executionId).toArray(Long[]::new);
    Map<Long, List<StoredValue>> values = new HashMap<>();
    handle
        .createQuery(PARAMETERS)
        .bind("executionIds", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("execution_id"),
                    new StoredValue(
                        rs.getInt("object_type"),
                        rs.getString("parameter_name"),
                        rs.getString("data_type"),
                        rs.getBoolean("sensitive"),
                        rs.getString("value"),
                        rs.getBytes("value_secret"))))
        .forEach(e -> values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return values;
  }

  private static Map<Long, List<StoredOverride>> overrides(Handle handle, List<Claimed> claimed) {
    Long[] ids = claimed.stream().map(Claimed::executionId).toArray(Long[]::new);
    Map<Long, List<StoredOverride>> overrides = new HashMap<>();
    handle
        .createQuery(OVERRIDES)
        .bind("executionIds", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong("execution_id"),
                    new StoredOverride(
                        rs.getString("property_path"),
                        rs.getBoolean("sensitive"),
                        rs.getString("value"),
                        rs.getBytes("value_secret"))))
        .forEach(
            e -> overrides.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return overrides;
  }
}
