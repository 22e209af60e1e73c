package io.sluice.master.management;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import io.sluice.catalog.execution.WorkerPresence;
import io.sluice.engine.event.MessageType;
import io.sluice.master.lease.ExecutionTransitions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Worker management (SSIS Scale Out Manager, enable_worker_agent, disable_worker_agent,
 * set_worker_agent_property), on the catalog directly: used by the master's REST API and by {@code
 * sluice workers}.
 *
 * <p>Disabling drains a worker: it gets no new task and finishes what it runs. Removing refuses its
 * certificate at once and stops its running executions; they end 3 canceled once its lease has run
 * out (it cannot renew), never overlapping with anything else.
 */
public final class WorkerAgents implements WorkerManagement {

  private static final int MAX_TEXT = 4000;
  private static final int MAX_TAGS = 50;

  private final Jdbi jdbi;

  public WorkerAgents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static final String SELECT =
      """
      select w.*,
             (select count(*) from scale_out_task t
              where t.worker_agent_id = w.worker_agent_id and t.status = 'RUNNING') as running,
             %s as online
      from worker_agent w
      """
          .formatted(WorkerPresence.ONLINE);

  @Override
  public List<WorkerAgent> list() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " order by w.registered_time, w.worker_agent_id")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** A worker by id or by its (unique) display name. */
  @Override
  public WorkerAgent get(String idOrName) {
    return jdbi.withHandle(handle -> find(handle, idOrName));
  }

  @Override
  public WorkerAgent enable(String idOrName) {
    return setEnabled(idOrName, true);
  }

  @Override
  public WorkerAgent disable(String idOrName) {
    return setEnabled(idOrName, false);
  }

  private WorkerAgent setEnabled(String idOrName, boolean enabled) {
    return jdbi.inTransaction(
        handle -> {
          WorkerAgent worker = find(handle, idOrName);
          refuseRemoved(worker, enabled ? "enable" : "disable");
          handle
              .createUpdate(
                  "update worker_agent set enabled = :enabled where worker_agent_id = :id")
              .bind("enabled", enabled)
              .bind("id", worker.workerAgentId())
              .execute();
          return find(handle, worker.workerAgentId().toString());
        });
  }

  @Override
  public WorkerAgent set(String idOrName, WorkerChanges changes) {
    if (changes.isEmpty()) {
      throw CatalogException.invalid(
          "nothing to change", "give --display-name, --description and/or --tags");
    }
    check("display name", changes.displayName());
    CatalogNames.requireVisible("worker display name", changes.displayName());
    CatalogNames.requireDescription("worker", changes.description());
    if (changes.tags() != null) {
      if (changes.tags().size() > MAX_TAGS) {
        throw CatalogException.invalid(
            "a worker has at most " + MAX_TAGS + " tags", "give fewer tags");
      }
      changes.tags().forEach(tag -> check("tag", tag));
      changes.tags().forEach(tag -> CatalogNames.requireVisible("worker tag", tag));
    }
    return jdbi.inTransaction(
        handle -> {
          WorkerAgent worker = find(handle, idOrName);
          refuseRemoved(worker, "change");
          if (changes.displayName() != null && !changes.displayName().isBlank()) {
            int same =
                handle
                    .createQuery(
                        """
                        select count(*) from worker_agent
                        where display_name = :name and worker_agent_id <> :id
                        """)
                    .bind("name", changes.displayName())
                    .bind("id", worker.workerAgentId())
                    .mapTo(int.class)
                    .one();
            if (same > 0) {
              throw CatalogException.conflict(
                  "another worker is already called '" + changes.displayName() + "'",
                  "display names name one worker each: choose another");
            }
          }
          handle
              .createUpdate(
                  """
                  update worker_agent
                  set display_name = coalesce(:displayName, display_name),
                      description = coalesce(:description, description),
                      tags = coalesce(:tags, tags)
                  where worker_agent_id = :id
                  """)
              .bind("displayName", changes.displayName())
              .bind("description", changes.description())
              .bind("tags", changes.tags() == null ? null : changes.tags().toArray(String[]::new))
              .bind("id", worker.workerAgentId())
              .execute();
          return find(handle, worker.workerAgentId().toString());
        });
  }

  /** Removes a worker: refused from now on, its running executions stopped. */
  @Override
  public WorkerAgent remove(String idOrName) {
    return jdbi.inTransaction(
        handle -> {
          WorkerAgent worker = find(handle, idOrName);
          refuseRemoved(worker, "remove");
          handle
              .createUpdate(
                  """
                  update worker_agent set enabled = false, removed_time = now()
                  where worker_agent_id = :id
                  """)
              .bind("id", worker.workerAgentId())
              .execute();
          List<Long> running =
              handle
                  .createQuery(
                      """
                      select execution_id from scale_out_task
                      where worker_agent_id = :id and status = 'RUNNING'
                      """)
                  .bind("id", worker.workerAgentId())
                  .mapTo(Long.class)
                  .list();
          for (long executionId : running) {
            if (ExecutionTransitions.markStopping(handle, executionId)) {
              ExecutionTransitions.message(
                  handle,
                  executionId,
                  MessageType.WARNING,
                  "worker "
                      + worker.workerAgentId()
                      + " was removed: the execution ends canceled once the worker's lease has"
                      + " run out");
            }
          }
          return find(handle, worker.workerAgentId().toString());
        });
  }

  private static void refuseRemoved(WorkerAgent worker, String action) {
    if (worker.removedTime() != null) {
      throw CatalogException.conflict(
          "worker " + worker.workerAgentId() + " was removed; there is nothing to " + action,
          "a removed worker comes back only with a new certificate: sluice cert worker NAME");
    }
  }

  private static WorkerAgent find(Handle handle, String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      throw CatalogException.invalid("a worker id is needed", "list workers: sluice workers list");
    }
    UUID id = parseId(idOrName);
    List<WorkerAgent> found =
        id != null
            ? handle
                .createQuery(SELECT + " where w.worker_agent_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .list()
            : handle
                .createQuery(SELECT + " where w.display_name = :name")
                .bind("name", idOrName)
                .map((rs, ctx) -> row(rs))
                .list();
    return WorkerNames.single(idOrName, found);
  }

  private static UUID parseId(String text) {
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  private static void check(String what, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw CatalogException.invalid(
          "the " + what + " is too long (" + value.length() + " characters)",
          "keep it under " + MAX_TEXT);
    }
  }

  private static WorkerAgent row(ResultSet rs) throws SQLException {
    Array tags = rs.getArray("tags");
    boolean removed = rs.getTimestamp("removed_time") != null;
    boolean enabled = rs.getBoolean("enabled");
    Integer maxTasks = rs.getObject("max_tasks", Integer.class);
    return new WorkerAgent(
        rs.getObject("worker_agent_id", UUID.class),
        rs.getString("display_name"),
        rs.getString("description"),
        tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
        rs.getString("machine_name"),
        enabled,
        removed ? "removed" : enabled ? "enabled" : "disabled",
        maxTasks,
        rs.getInt("running"),
        rs.getString("certificate_fingerprint"),
        instant(rs.getTimestamp("certificate_expires_time")),
        instant(rs.getTimestamp("last_online_time")),
        rs.getBoolean("online"),
        instant(rs.getTimestamp("registered_time")),
        instant(rs.getTimestamp("removed_time")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
