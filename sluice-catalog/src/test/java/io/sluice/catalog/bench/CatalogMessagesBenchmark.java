package io.sluice.catalog.bench;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.retention.CleanupResult;
import io.sluice.catalog.retention.LogPartitions;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills an embedded catalog with many event messages spread over a month of executions, then
 * measures the two reads users do all the time and the retention cleanup. Run by
 * bench/catalog-messages; the last line is the machine-readable result.
 *
 * <p>Arguments: data folder (must be new or empty), messages (10000000), days (30).
 */
public final class CatalogMessagesBenchmark {

  private static final int MESSAGES_PER_EXECUTION = 400;
  private static final int RUNS = 21;

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    long messages = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int executions = (int) (messages / MESSAGES_PER_EXECUTION);

    try (EmbeddedCatalog embedded = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(embedded.location())) {
      LocalCatalog catalog =
          new LocalCatalog(new CatalogContext(db, TestCatalog.cipher(), "bench"));
      Jdbi jdbi = db.jdbi();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      jdbi.useTransaction(h -> LogPartitions.ensure(h, today.minusDays(days + 1L), today));

      CatalogRows rows = new CatalogRows(jdbi);
      CatalogRows.Deployed project = rows.project(rows.folder("Sales"), "Warehouse");
      rows.packageOf(project.versionId(), "Load.yaml", true);

      long fillStart = System.nanoTime();
      fillExecutions(jdbi, project.projectId(), project.versionId(), executions, days);
      fillMessages(jdbi, days);
      jdbi.useHandle(h -> h.execute("analyze"));
      long stored = count(jdbi, "select count(*) from event_message");
      log(
          "filled %,d messages of %,d executions over %d days in %.0f s",
          stored, executions, days, seconds(fillStart));

      List<Long> ids =
          jdbi.withHandle(
              h -> h.createQuery("select execution_id from execution").mapTo(Long.class).list());
      Random random = new Random(42);
      double messagesMs =
          median(
              () -> {
                long id = ids.get(random.nextInt(ids.size()));
                int read = catalog.messages().ofExecution(id, MessageQuery.all()).size();
                if (read != MESSAGES_PER_EXECUTION) {
                  throw new IllegalStateException("read " + read + " messages of execution " + id);
                }
              });
      int lastDay =
          catalog
              .executions()
              .list(
                  ExecutionFilter.all()
                      .since(Instant.now().minus(Duration.ofHours(24)))
                      .withLimit(100_000))
              .size();
      double lastDayMs =
          median(
              () ->
                  catalog
                      .executions()
                      .list(
                          ExecutionFilter.all()
                              .since(Instant.now().minus(Duration.ofHours(24)))
                              .withLimit(100_000)));
      log(
          "messages of one execution (%d rows): median %.1f ms",
          MESSAGES_PER_EXECUTION, messagesMs);
      log("executions of the last 24 h (%d rows): median %.1f ms", lastDay, lastDayMs);

      int window = days / 3;
      catalog.properties().set("RETENTION_WINDOW", String.valueOf(window));
      long cleanupStart = System.nanoTime();
      CleanupResult result = catalog.operations().cleanup();
      double cleanupSeconds = seconds(cleanupStart);
      long left = count(jdbi, "select count(*) from event_message");
      log(
          "cleanup (RETENTION_WINDOW %d): %.1f s, %d partitions dropped, %,d operations deleted,"
              + " %,d of %,d messages left",
          window,
          cleanupSeconds,
          result.partitionsDropped(),
          result.operationsRemoved(),
          left,
          stored);

      System.out.printf(
          "RESULT messages=%d cleanup_s=%.1f messages_of_execution_ms=%.1f"
              + " executions_last_24h_ms=%.1f%n",
          stored, cleanupSeconds, messagesMs, lastDayMs);
    }
  }

  /** Executions (and their operations) spread evenly over the last {@code days} days. */
  private static void fillExecutions(
      Jdbi jdbi, long projectId, long versionId, int executions, int days) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    """
                    with times as (
                        select now() - make_interval(secs => n * (:days * 86400.0 / :executions))
                                   as created_time
                        from generate_series(1, :executions) n),
                    operations as (
                        insert into operation (operation_type, object_type, object_id, object_name,
                                               status, created_time, start_time, end_time,
                                               caller_name, machine_name)
                        select 200, 20, :projectId, 'Warehouse', 7, created_time, created_time,
                               created_time + interval '5 minutes', 'bench', 'bench'
                        from times
                        returning operation_id, created_time, end_time)
                    insert into execution (execution_id, folder_name, project_name,
                                           project_version_id, package_name, run_in_scale_out,
                                           logging_level, status, created_time, start_time,
                                           end_time, executed_count, caller_name)
                    select operation_id, 'Sales', 'Warehouse', :versionId, 'Load.yaml', false,
                           1, 7, created_time, created_time, end_time, 1, 'bench'
                    from operations
                    """)
                .bind("days", days)
                .bind("executions", executions)
                .bind("projectId", projectId)
                .bind("versionId", versionId)
                .execute());
  }

  /** The messages, one day of executions per statement (to show progress). */
  private static void fillMessages(Jdbi jdbi, int days) {
    for (int day = days; day >= 0; day--) {
      long start = System.nanoTime();
      int dayAgo = day;
      int inserted =
          jdbi.inTransaction(
              h ->
                  h.createUpdate(
                          """
                          insert into event_message (operation_id, message_time, message_type,
                                                     message_source_type, message, package_name,
                                                     event_name, message_source_name,
                                                     execution_path, thread_id, message_code)
                          select e.execution_id,
                                 e.created_time + m * interval '500 milliseconds',
                                 (array[10, 20, 30, 40, 60, 70, 110, 120])[1 + m % 8],
                                 40,
                                 'Copy rows: ' || (m * 1000) || ' rows written to dbo.FactSales',
                                 'Load.yaml', 'OnProgress', 'Copy rows', '\\Load\\Copy rows',
                                 1 + m % 4, 0
                          from execution e, generate_series(1, :perExecution) m
                          where e.created_time >= now() - make_interval(days => :day + 1)
                            and e.created_time < now() - make_interval(days => :day)
                          """)
                      .bind("perExecution", MESSAGES_PER_EXECUTION)
                      .bind("day", dayAgo)
                      .execute());
      if (inserted > 0) {
        log("  %d days ago: %,d messages in %.1f s", dayAgo, inserted, seconds(start));
      }
    }
  }

  private static double median(Runnable action) {
    action.run(); // warm up: the first call pays for class loading and plan caching
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      action.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    return millis.get(RUNS / 2);
  }

  private static long count(Jdbi jdbi, String sql) {
    Supplier<Long> query = () -> jdbi.withHandle(h -> h.createQuery(sql).mapTo(long.class).one());
    return query.get();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.out.printf(format + "%n", args);
  }
}
