package io.sluice.catalog.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Executions matching an {@link ExecutionFilter}: the list, a page of it and how many match. The
 * SQL holds only the conditions the filter sets, so PostgreSQL plans each shape with the index that
 * fits it (docs/rest-api.md lists them; V46 adds the ones for the console's filters) instead of one
 * generic plan full of {@code :x is null or ...}.
 */
public final class ExecutionListing {

  private ExecutionListing() {}

  /** The executions matching the filter, newest first, at most its limit. */
  public static List<Execution> list(Handle handle, ExecutionFilter filter) {
    Where where = where(handle, filter);
    if (where == null) {
      return List.of();
    }
    Query query =
        handle.createQuery(
            "select "
                + ExecutionRows.columns("execution")
                + " from execution"
                + where.sql
                + " order by created_time desc, execution_id desc limit :limit");
    where.binds.forEach(bind -> bind.accept(query));
    return query.bind("limit", filter.limit()).map(ExecutionRows.MAPPER).list();
  }

  /**
   * How many executions match the filter (ignoring its cursor and limit), counting no further than
   * {@code cap}: an exact total up to it stays cheap on a catalog of millions.
   */
  public static long countUpTo(Handle handle, ExecutionFilter filter, int cap) {
    Where where = where(handle, filter.before(null));
    if (where == null) {
      return 0;
    }
    Query query =
        handle.createQuery(
            "select count(*) from (select 1 from execution" + where.sql + " limit :cap) matching");
    where.binds.forEach(bind -> bind.accept(query));
    return query.bind("cap", cap).mapTo(long.class).one();
  }

  /** The conditions and their values; null when the filter can match nothing (no such worker). */
  private record Where(String sql, List<Consumer<Query>> binds) {}

  private static Where where(Handle handle, ExecutionFilter filter) {
    List<String> conditions = new ArrayList<>();
    List<Consumer<Query>> binds = new ArrayList<>();
    if (filter.folder() != null) {
      conditions.add("folder_name = :folder");
      binds.add(q -> q.bind("folder", filter.folder()));
    }
    if (filter.project() != null) {
      conditions.add("project_name = :project");
      binds.add(q -> q.bind("project", filter.project()));
    }
    if (filter.packageName() != null) {
      conditions.add("package_name = :packageName");
      binds.add(q -> q.bind("packageName", filter.packageName()));
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
      binds.add(q -> q.bind("status", filter.status().code()));
    }
    if (filter.since() != null) {
      conditions.add("created_time >= :since");
      binds.add(q -> q.bind("since", filter.since()));
    }
    if (filter.until() != null) {
      conditions.add("created_time < :until");
      binds.add(q -> q.bind("until", filter.until()));
    }
    if (filter.startedAfter() != null) {
      conditions.add("start_time >= :startedAfter");
      binds.add(q -> q.bind("startedAfter", filter.startedAfter()));
    }
    if (filter.startedBefore() != null) {
      conditions.add("start_time < :startedBefore");
      binds.add(q -> q.bind("startedBefore", filter.startedBefore()));
    }
    if (filter.caller() != null) {
      conditions.add("caller_name = :caller");
      binds.add(q -> q.bind("caller", filter.caller()));
    }
    if (filter.worker() != null) {
      List<UUID> workers = workers(handle, filter.worker());
      if (workers.isEmpty()) {
        return null;
      }
      if (workers.size() == 1) {
        // "= any" of one would keep PostgreSQL (before 17) from reading the index in order.
        conditions.add("worker_agent_id = :worker");
        binds.add(q -> q.bind("worker", workers.get(0)));
      } else {
        conditions.add("worker_agent_id = any(:workers)");
        binds.add(q -> q.bindArray("workers", UUID.class, workers));
      }
    }
    if (filter.beforeExecutionId() != null) {
      // Keyset paging: the row values after the cursor's in the list's order. A cursor whose
      // execution was cleaned up since compares with null and ends the list.
      conditions.add(
          "(created_time, execution_id) < (select c.created_time, c.execution_id"
              + " from execution c where c.execution_id = :before)");
      binds.add(q -> q.bind("before", filter.beforeExecutionId()));
    }
    String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return new Where(sql, binds);
  }

  /** A worker named by id, or every worker with that display name. */
  private static List<UUID> workers(Handle handle, String worker) {
    try {
      return List.of(UUID.fromString(worker));
    } catch (IllegalArgumentException notAnId) {
      return handle
          .createQuery("select worker_agent_id from worker_agent where display_name = :name")
          .bind("name", worker)
          .mapTo(UUID.class)
          .list();
    }
  }
}
