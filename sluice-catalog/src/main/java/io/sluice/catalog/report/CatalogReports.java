package io.sluice.catalog.report;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.execution.ExecutionListing;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationListing;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.report.Dashboard.FailedExecution;
import io.sluice.catalog.report.Dashboard.HourCount;
import io.sluice.catalog.report.Dashboard.PackageTrend;
import io.sluice.catalog.report.Dashboard.QueueDepth;
import io.sluice.catalog.report.Dashboard.RunDuration;
import io.sluice.catalog.report.Dashboard.RunningExecution;
import io.sluice.catalog.report.Dashboard.StatusCount;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.runtime.connection.ConnectionFailedException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The reads behind SSIS's standard catalog reports and the console's pages: Integration Services
 * Dashboard, All Executions, All Validations, All Operations, All Messages and Error Messages,
 * Execution Performance and Connections. Read-only; the REST routes under {@code /api/v1/reports}
 * and the console call the same methods.
 *
 * <p>Each read is bounded so that it stays fast on a catalog of millions of executions and tens of
 * millions of messages: by a time window (messages are partitioned by day, so a window opens only
 * its days), by a limit, and by the indexes V46 adds for exactly these shapes; bench/console
 * measures them. "Now" is always a parameter: the caller's clock, so tests can fix it.
 */
public final class CatalogReports {

  /** The dashboard's window, as SSIS's: the last 24 hours. */
  public static final Duration DASHBOARD_WINDOW = Duration.ofHours(24);

  /** Execution Performance averages the successful runs of the last three months, as SSIS. */
  public static final Duration PERFORMANCE_WINDOW = Duration.ofDays(90);

  /** Totals of the executions list are exact up to this many (counting further costs a scan). */
  public static final int COUNT_CAP = 10_000;

  static final int RECENT_FAILURES = 10;
  static final int BUSIEST_PACKAGES = 5;
  static final int RUNS_PER_TREND = 50;
  static final int CONNECTIONS_ON_DASHBOARD = 10;

  private final Jdbi jdbi;

  public CatalogReports(CatalogContext context) {
    this.jdbi = context.database().jdbi();
  }

  /** The dashboard of the 24 hours before {@code now}. */
  public Dashboard dashboard(Instant now) {
    Instant from = now.minus(DASHBOARD_WINDOW);
    return jdbi.inTransaction(
        handle -> {
          WindowCounts counts = windowCounts(handle, from, now);
          return new Dashboard(
              from,
              now,
              counts.byStatus(),
              running(handle, now),
              recentFailures(handle, from, now),
              queue(handle),
              counts.perHour(from),
              busiestPackages(handle, from, now, counts.busiest()),
              connections(handle, from, now, CONNECTIONS_ON_DASHBOARD));
        });
  }

  /**
   * A page of executions (All Executions) with how many match, counted up to {@link #COUNT_CAP}.
   */
  public ExecutionPage executions(ExecutionFilter filter) {
    return jdbi.withHandle(
        handle -> {
          // One more than asked tells whether there is a next page without a second query.
          List<Execution> rows =
              new ArrayList<>(
                  ExecutionListing.list(
                      handle, filter.withLimit(Math.min(filter.limit() + 1, Integer.MAX_VALUE))));
          Long next = null;
          if (rows.size() > filter.limit()) {
            rows.remove(rows.size() - 1);
            next = rows.get(rows.size() - 1).executionId();
          }
          long total = ExecutionListing.countUpTo(handle, filter, COUNT_CAP + 1);
          boolean exact = total <= COUNT_CAP;
          return new ExecutionPage(rows, Math.min(total, COUNT_CAP), exact, next);
        });
  }

  /** Validations of projects and packages (All Validations): operations 300 and 301. */
  public List<Operation> validations(OperationFilter filter) {
    if (filter.type() != null
        && filter.type() != OperationType.VALIDATE_PROJECT
        && filter.type() != OperationType.VALIDATE_PACKAGE) {
      throw CatalogException.invalid(
          "validations are operations 300 and 301, not " + filter.type().code(),
          "leave the type out, or give 300 (project) or 301 (package)");
    }
    return jdbi.withHandle(
        handle ->
            OperationListing.list(
                handle,
                filter,
                filter.type() == null
                    ? Set.of(OperationType.VALIDATE_PROJECT, OperationType.VALIDATE_PACKAGE)
                    : Set.of(filter.type())));
  }

  /** Messages across executions (All Messages; Error Messages with the type 120), newest first. */
  public MessagePage messages(MessageFilter filter) {
    Cursor cursor = Cursor.parse(filter.before());
    return jdbi.withHandle(
        handle -> {
          List<String> conditions = new ArrayList<>();
          conditions.add("m.message_time >= :since and m.message_time < :until");
          if (filter.types().size() == 1) {
            // One type (Error Messages): "=" lets PostgreSQL (before 17) read the index of
            // problems newest first and stop at the limit; "= any" would sort them all.
            conditions.add("m.message_type = :type");
          } else if (!filter.types().isEmpty()) {
            conditions.add("m.message_type = any(:types)");
          }
          if (filter.folder() != null) {
            conditions.add("e.folder_name = :folder");
          }
          if (filter.project() != null) {
            conditions.add("e.project_name = :project");
          }
          if (filter.packageName() != null) {
            conditions.add("e.package_name = :packageName");
          }
          if (cursor != null) {
            conditions.add("(m.message_time, m.event_message_id) < (:beforeTime, :beforeId)");
          }
          Query query =
              handle
                  .createQuery(
                      """
                      select m.event_message_id, m.operation_id as execution_id, m.message_time,
                             m.message_type, m.message, e.folder_name, e.project_name,
                             coalesce(m.package_name, e.package_name) as package_name,
                             m.message_source_name, m.subcomponent_name, m.execution_path,
                             m.message_code
                      from event_message m
                      join execution e on e.execution_id = m.operation_id
                      where %s
                      order by m.message_time desc, m.event_message_id desc
                      limit :limit
                      """
                          .formatted(String.join(" and ", conditions)))
                  .bind("since", filter.since())
                  .bind("until", filter.until())
                  .bind("limit", filter.limit() + 1);
          if (filter.types().size() == 1) {
            query.bind("type", filter.types().iterator().next().code());
          } else if (!filter.types().isEmpty()) {
            query.bindArray(
                "types",
                Integer.class,
                filter.types().stream().map(MessageType::code).sorted().toList());
          }
          if (filter.folder() != null) {
            query.bind("folder", filter.folder());
          }
          if (filter.project() != null) {
            query.bind("project", filter.project());
          }
          if (filter.packageName() != null) {
            query.bind("packageName", filter.packageName());
          }
          if (cursor != null) {
            query.bind("beforeTime", cursor.time()).bind("beforeId", cursor.id());
          }
          List<CatalogMessage> rows =
              new ArrayList<>(query.map(ConstructorMapper.of(CatalogMessage.class)).list());
          String next = null;
          if (rows.size() > filter.limit()) {
            rows.remove(rows.size() - 1);
            CatalogMessage last = rows.get(rows.size() - 1);
            next = new Cursor(last.messageTime(), last.eventMessageId()).toString();
          }
          return new MessagePage(rows, next);
        });
  }

  /**
   * Execution Performance of one package: its last {@code lastRuns} successful runs, and the
   * average and standard deviation of the durations of its successful runs in the three months
   * before {@code now}. NOT_FOUND when the catalog has neither the package nor any run of it.
   */
  public ExecutionPerformance performance(
      String folder, String project, String packageName, int lastRuns, Instant now) {
    if (lastRuns < 1 || lastRuns > 1_000) {
      throw CatalogException.invalid(
          "the number of runs must be from 1 to 1000, was " + lastRuns, "SSIS shows the last 10");
    }
    Instant windowFrom = now.minus(PERFORMANCE_WINDOW);
    return jdbi.withHandle(
        handle -> {
          List<ExecutionPerformance.Run> runs =
              handle
                  .createQuery(
                      """
                      select execution_id, start_time, end_time,
                             cast(extract(epoch from end_time - start_time) * 1000 as bigint)
                                 as duration_ms,
                             environment_name,
                             (select w.display_name from worker_agent w
                              where w.worker_agent_id = execution.worker_agent_id) as worker_name
                      from execution
                      where folder_name = :folder and project_name = :project
                        and package_name = :packageName and status = 7
                        and start_time is not null and end_time is not null
                        and created_time < :now
                      order by created_time desc, execution_id desc
                      limit :limit
                      """)
                  .bind("folder", folder)
                  .bind("project", project)
                  .bind("packageName", packageName)
                  .bind("now", now)
                  .bind("limit", lastRuns)
                  .map(ConstructorMapper.of(ExecutionPerformance.Run.class))
                  .list();
          record Spread(long runs, Double averageMs, Double standardDeviationMs) {}
          Spread spread =
              handle
                  .createQuery(
                      """
                      select count(*) as runs, avg(ms) as average_ms,
                             stddev_pop(ms) as standard_deviation_ms
                      from (select extract(epoch from end_time - start_time) * 1000 as ms
                            from execution
                            where folder_name = :folder and project_name = :project
                              and package_name = :packageName and status = 7
                              and start_time is not null and end_time is not null
                              and created_time >= :from and created_time < :now) successful
                      """)
                  .bind("folder", folder)
                  .bind("project", project)
                  .bind("packageName", packageName)
                  .bind("from", windowFrom)
                  .bind("now", now)
                  .map(ConstructorMapper.of(Spread.class))
                  .one();
          if (runs.isEmpty() && !packageKnown(handle, folder, project, packageName)) {
            throw CatalogException.notFound(
                "package "
                    + folder
                    + "/"
                    + project
                    + "/"
                    + packageName
                    + " does not exist and has never run",
                "list packages with: sluice catalog packages --folder "
                    + folder
                    + " --project "
                    + project);
          }
          return new ExecutionPerformance(
              folder,
              project,
              packageName,
              runs,
              windowFrom,
              spread.runs(),
              spread.averageMs(),
              spread.standardDeviationMs());
        });
  }

  /** Connections that failed to open between {@code since} and {@code until} (Connections). */
  public List<ConnectionFailure> connections(Instant since, Instant until, int limit) {
    if (limit < 1 || limit > 1_000) {
      throw CatalogException.invalid(
          "limit must be from 1 to 1000, was " + limit, "e.g. limit=100");
    }
    return jdbi.withHandle(handle -> connections(handle, since, until, limit));
  }

  /** How many executions of the window by package, by status and by hour and status. */
  private record Busy(String folderName, String projectName, String packageName, long executions) {}

  private record WindowCounts(long[][] byHourAndStatus, List<Busy> packages) {

    List<StatusCount> byStatus() {
      List<StatusCount> counts = new ArrayList<>();
      for (int status = 1; status <= 9; status++) {
        long count = 0;
        for (long[] hour : byHourAndStatus) {
          count += hour[status];
        }
        if (count > 0) {
          counts.add(new StatusCount(status, OperationStatus.of(status).label(), count));
        }
      }
      return counts;
    }

    List<HourCount> perHour(Instant from) {
      List<HourCount> hours = new ArrayList<>();
      for (int hour = 0; hour < byHourAndStatus.length; hour++) {
        long[] c = byHourAndStatus[hour];
        long total = 0;
        for (long n : c) {
          total += n;
        }
        long succeeded = c[7];
        long failed = c[4] + c[6];
        hours.add(
            new HourCount(
                from.plus(Duration.ofHours(hour)),
                total,
                succeeded,
                failed,
                total - succeeded - failed));
      }
      return hours;
    }

    List<Busy> busiest() {
      return packages.stream()
          .sorted(
              java.util.Comparator.comparingLong(Busy::executions)
                  .reversed()
                  .thenComparing(Busy::folderName)
                  .thenComparing(Busy::projectName)
                  .thenComparing(Busy::packageName))
          .limit(BUSIEST_PACKAGES)
          .toList();
    }
  }

  /**
   * The window's executions counted by hour and status and by package in ONE scan of them (grouping
   * sets): on a busy catalog the window holds tens of thousands, and each scan costs tens of
   * milliseconds. The hour comes from date_part's double: PostgreSQL 14's extract(epoch) is numeric
   * and cost 40% more. Names are grouped by their bytes ("C"): hashing them under the catalog's
   * case-insensitive ICU collation cost more than the scan; an execution copies its names from the
   * catalog, so one package's executions spell it alike.
   */
  private static WindowCounts windowCounts(Handle handle, Instant from, Instant until) {
    long[][] byHourAndStatus = new long[(int) DASHBOARD_WINDOW.toHours()][10];
    List<Busy> packages = new ArrayList<>();
    handle
        .createQuery(
            """
            select grouping(hour) as by_package, status, hour, folder, project, package,
                   count(*) as count
            from (select status,
                         cast(floor((date_part('epoch', created_time) - :fromEpoch) / 3600)
                              as integer) as hour,
                         folder_name collate "C" as folder, project_name collate "C" as project,
                         package_name collate "C" as package
                  from execution
                  where created_time >= :from and created_time < :until) window_executions
            group by grouping sets ((hour, status), (folder, project, package))
            """)
        .bind("from", from)
        .bind("fromEpoch", from.toEpochMilli() / 1000.0)
        .bind("until", until)
        .map(
            (rs, ctx) -> {
              if (rs.getInt("by_package") == 1) {
                packages.add(
                    new Busy(
                        rs.getString("folder"),
                        rs.getString("project"),
                        rs.getString("package"),
                        rs.getLong("count")));
              } else {
                int hour = rs.getInt("hour");
                int status = rs.getInt("status");
                if (hour >= 0 && hour < byHourAndStatus.length && status >= 1 && status <= 9) {
                  byHourAndStatus[hour][status] = rs.getLong("count");
                }
              }
              return 0;
            })
        .list();
    return new WindowCounts(byHourAndStatus, packages);
  }

  private static List<RunningExecution> running(Handle handle, Instant now) {
    return handle
        .createQuery(
            """
            select e.execution_id, e.folder_name, e.project_name, e.package_name, e.status,
                   e.start_time, e.run_in_scale_out, cast(e.worker_agent_id as text) as worker,
                   w.display_name, e.caller_name
            from execution e
            left join worker_agent w on w.worker_agent_id = e.worker_agent_id
            where e.status in (2, 8)
            order by e.start_time, e.execution_id
            limit 1000
            """)
        .map(
            (rs, ctx) -> {
              Instant start =
                  rs.getObject("start_time", java.time.OffsetDateTime.class) == null
                      ? null
                      : rs.getObject("start_time", java.time.OffsetDateTime.class).toInstant();
              return new RunningExecution(
                  rs.getLong("execution_id"),
                  rs.getString("folder_name"),
                  rs.getString("project_name"),
                  rs.getString("package_name"),
                  rs.getInt("status"),
                  start,
                  start == null ? 0 : Math.max(0, Duration.between(start, now).toMillis()),
                  rs.getBoolean("run_in_scale_out"),
                  rs.getString("worker"),
                  rs.getString("display_name"),
                  rs.getString("caller_name"));
            })
        .list();
  }

  private static List<FailedExecution> recentFailures(Handle handle, Instant from, Instant until) {
    // The first Error of each: its messages lie between its creation and its end (plus slack),
    // which lets PostgreSQL open only those days' partitions for each one; and after the window's
    // start, which it knows while planning, so it plans only the window's days, not every day's.
    return handle
        .createQuery(
            """
            select e.execution_id, e.folder_name, e.project_name, e.package_name, e.status,
                   e.start_time, e.end_time,
                   (select m.message from event_message m
                    where m.operation_id = e.execution_id and m.message_type = 120
                      and m.message_time >= e.created_time and m.message_time >= :from
                      and m.message_time < coalesce(e.end_time, :until) + interval '1 hour'
                    order by m.message_time, m.event_message_id
                    limit 1) as first_error
            from execution e
            where e.status in (4, 6) and e.created_time >= :from and e.created_time < :until
            order by e.created_time desc, e.execution_id desc
            limit :limit
            """)
        .bind("from", from)
        .bind("until", until)
        .bind("limit", RECENT_FAILURES)
        .map(ConstructorMapper.of(FailedExecution.class))
        .list();
  }

  private static QueueDepth queue(Handle handle) {
    return handle
        .createQuery(
            """
            select (select count(*) from scale_out_task where status = 'QUEUED') as queued_tasks,
                   (select count(*) from execution where status = 5) as pending_executions
            """)
        .map(ConstructorMapper.of(QueueDepth.class))
        .one();
  }

  private static List<PackageTrend> busiestPackages(
      Handle handle, Instant from, Instant until, List<Busy> busiest) {
    List<PackageTrend> trends = new ArrayList<>();
    for (Busy busy : busiest) {
      List<RunDuration> runs =
          new ArrayList<>(
              handle
                  .createQuery(
                      """
                      select execution_id, start_time,
                             cast(extract(epoch from end_time - start_time) * 1000 as bigint)
                                 as duration_ms,
                             status
                      from execution
                      where folder_name = :folder and project_name = :project
                        and package_name = :packageName
                        and created_time >= :from and created_time < :until
                        and start_time is not null and end_time is not null
                      order by created_time desc, execution_id desc
                      limit :limit
                      """)
                  .bind("folder", busy.folderName())
                  .bind("project", busy.projectName())
                  .bind("packageName", busy.packageName())
                  .bind("from", from)
                  .bind("until", until)
                  .bind("limit", RUNS_PER_TREND)
                  .map(ConstructorMapper.of(RunDuration.class))
                  .list());
      java.util.Collections.reverse(runs); // oldest first, as a chart reads
      trends.add(
          new PackageTrend(
              busy.folderName(), busy.projectName(), busy.packageName(), busy.executions(), runs));
    }
    return trends;
  }

  /**
   * The engine raises a failed connection as an Error with SSIS's code for it and the connection
   * manager as the subcomponent, its message {@code cannot connect with connection 'NAME' to
   * STRING: CAUSE} (credentials masked); the code is indexed (V46), so this reads only those rows.
   */
  private static List<ConnectionFailure> connections(
      Handle handle, Instant since, Instant until, int limit) {
    return handle
        .createQuery(
            """
            select connection_name, connection_string,
                   count(distinct operation_id) as failed_executions,
                   max(message_time) as last_failed_time,
                   (array_agg(operation_id order by message_time desc))[1] as last_execution_id
            from (select coalesce(m.subcomponent_name, '') as connection_name,
                         coalesce(substring(m.message
                                            from 'cannot connect with connection ''.*?'' to (.*?): '),
                                  '') as connection_string,
                         m.operation_id, m.message_time
                  from event_message m
                  where m.message_code = :code and m.message_type = 120
                    and m.message_time >= :since and m.message_time < :until) failures
            group by connection_name, connection_string
            order by last_failed_time desc
            limit :limit
            """)
        .bind("code", ConnectionFailedException.CODE) // the V46 index holds the same number
        .bind("since", since)
        .bind("until", until)
        .bind("limit", limit)
        .map(ConstructorMapper.of(ConnectionFailure.class))
        .list();
  }

  private static boolean packageKnown(
      Handle handle, String folder, String project, String packageName) {
    return handle
        .createQuery(
            """
            select exists (
                select 1 from folder f
                join project p on p.folder_id = f.folder_id
                join package k on k.version_id = p.current_version_id
                where f.name = :folder and p.name = :project and k.name = :packageName)
            """)
        .bind("folder", folder)
        .bind("project", project)
        .bind("packageName", packageName)
        .mapTo(boolean.class)
        .one();
  }

  /** A messages page's cursor: the last message's time and id, as {@code TIME/ID}. */
  private record Cursor(Instant time, long id) {

    static Cursor parse(String text) {
      if (text == null) {
        return null;
      }
      int slash = text.lastIndexOf('/');
      try {
        return new Cursor(
            Instant.parse(text.substring(0, Math.max(0, slash))),
            Long.parseLong(text.substring(slash + 1)));
      } catch (DateTimeParseException | NumberFormatException e) {
        throw CatalogException.invalid(
            "'" + text + "' is not a messages cursor",
            "pass the nextBefore of the previous page as it was given");
      }
    }

    @Override
    public String toString() {
      return time + "/" + id;
    }
  }
}
