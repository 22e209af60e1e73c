package io.sluice.cli.bench;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.engine.project.ProjectArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * The load of bench/dispatch: streams Scale Out executions of examples/hello through the catalog
 * API (create + start) for a number of seconds, never more than a bound in flight, then reads from
 * the catalog how many completed and how long each waited to run. Every time is the catalog's
 * clock, so the figures do not depend on this process.
 *
 * <p>Usage: DispatchDriver DATA_DIR PROJECT_DIR SECONDS IN_FLIGHT
 */
public final class DispatchDriver {

  private static final String FOLDER = "bench";
  private static final int SUBMITTERS = 2;

  // Ended: 3 canceled, 4 failed, 6 ended unexpectedly, 7 succeeded, 9 completed. Asked only about
  // the executions in flight (by primary key), so the watcher's own load on the catalog stays flat
  // however many executions the run has made.
  private static final String ENDED_OF =
      """
      select execution_id from execution
      where execution_id = any(:ids) and status in (3, 4, 6, 7, 9)
      """;

  private static final String COMPLETED_IN_WINDOW =
      """
      select count(*) from execution
      where execution_id >= :first and status = 7
        and end_time >= cast(:from as timestamptz) and end_time < cast(:to as timestamptz)
      """;

  // Dispatch latency: the start transaction's now() (execution.start_time, written by
  // start_execution) to the package's first PreExecute event (message_type 30) on the worker.
  private static final String LATENCIES =
      """
      select extract(epoch from (min(m.message_time) - e.start_time)) * 1000
      from execution e
      join event_message m on m.operation_id = e.execution_id and m.message_type = 30
      where e.execution_id >= :first and e.start_time >= cast(:from as timestamptz)
        and e.start_time < cast(:to as timestamptz)
        and m.message_time >= cast(:from as timestamptz)
      group by e.execution_id, e.start_time
      """;

  private static final String HANDOUT_LATENCIES =
      """
      select extract(epoch from (t.assigned_time - e.start_time)) * 1000
      from execution e join scale_out_task t on t.execution_id = e.execution_id
      where e.execution_id >= :first and e.start_time >= cast(:from as timestamptz)
        and e.start_time < cast(:to as timestamptz) and t.assigned_time is not null
      """;

  private DispatchDriver() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Path project = Path.of(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int inFlight = Integer.parseInt(args[3]);

    try (EmbeddedCatalog embedded = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase database = CatalogDatabase.open(embedded.location(), SUBMITTERS + 2)) {
      CatalogContext context =
          new CatalogContext(
              database, CatalogKey.load(dataDir.resolve("catalog.key")), "dispatch-bench");
      Catalog catalog = new LocalCatalog(context);
      Jdbi jdbi = database.jdbi();
      catalog.folders().create(FOLDER, "bench/dispatch");
      catalog.projects().deploy(FOLDER, ProjectArchive.fromPath(project));

      // Warm-up (JIT, connection pools, workers learning they are enabled): not measured.
      int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 60;
      System.err.println("driver: warm-up " + warmUp + " s, in flight <= " + inFlight);
      Stream warm = Stream.start(catalog, jdbi, inFlight);
      Thread.sleep(warmUp * 1000L);
      warm.stop();
      warm.drain(Duration.ofSeconds(60));

      System.err.println("driver: measuring " + seconds + " s");
      ProcessCpu cpu = new ProcessCpu(jdbi, dataDir, System.getenv("SLUICE_BENCH_PIDS"));
      boolean statements = "1".equals(System.getenv("SLUICE_BENCH_STATEMENTS"));
      if (statements) {
        // The catalog's own role is no superuser: an extension and its reset need one.
        CatalogLocation admin = embedded.superuserLocation();
        Jdbi.create(admin.jdbcUrl(), admin.user(), admin.password())
            .useHandle(
                h -> {
                  h.execute("create extension if not exists pg_stat_statements");
                  h.createQuery("select pg_stat_statements_reset()").mapTo(String.class).one();
                });
      }
      Map<String, Long> cpuBefore = cpu.sample();
      String from = now(jdbi);
      Stream measured = Stream.start(catalog, jdbi, inFlight);
      Thread.sleep(seconds * 1000L);
      String to = now(jdbi);
      Map<String, Long> cpuAfter = cpu.sample();
      measured.stop();
      boolean drained = measured.drain(Duration.ofSeconds(60));

      long first = measured.firstId();
      long completed =
          jdbi.withHandle(
              h ->
                  h.createQuery(COMPLETED_IN_WINDOW)
                      .bind("first", first)
                      .bind("from", from)
                      .bind("to", to)
                      .mapTo(Long.class)
                      .one());
      long failed =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select count(*) from execution where execution_id >= :first"
                              + " and status in (3, 4, 6)")
                      .bind("first", first)
                      .mapTo(Long.class)
                      .one());
      List<Double> latencies = query(jdbi, LATENCIES, first, from, to);
      List<Double> handouts = query(jdbi, HANDOUT_LATENCIES, first, from, to);
      latencies.sort(null);
      handouts.sort(null);
      double perMinute = completed * 60.0 / seconds;
      System.err.printf(
          "driver: submitted %d, completed (7) in window %d, not succeeded %d, drained %s%n",
          measured.submitted(), completed, failed, drained);
      System.err.printf(
          "driver: dispatch latency start->PreExecute n=%d p50=%.0f p90=%.0f p99=%.0f max=%.0f ms%n",
          latencies.size(),
          percentile(latencies, 50),
          percentile(latencies, 90),
          percentile(latencies, 99),
          percentile(latencies, 100));
      System.err.printf(
          "driver: hand-out latency start->assigned n=%d p50=%.0f p99=%.0f ms%n",
          handouts.size(), percentile(handouts, 50), percentile(handouts, 99));
      Map<String, Double> cpuPerExecution = ProcessCpu.perExecution(cpuBefore, cpuAfter, completed);
      StringBuilder cpuLine = new StringBuilder("driver: CPU ms per execution:");
      double total = 0;
      for (Map.Entry<String, Double> e : cpuPerExecution.entrySet()) {
        cpuLine.append(String.format(" %s=%.2f", e.getKey(), e.getValue()));
        if (!e.getKey().startsWith(ProcessCpu.JIT)) { // counted in its JVM's figure already
          total += e.getValue();
        }
      }
      System.err.println(cpuLine.append(String.format(" total=%.2f", total)));
      if (statements) {
        printStatements(jdbi, completed);
      }
      System.err.printf(
          "driver: load average at the end: %s%n",
          Files.readString(Path.of("/proc/loadavg")).trim());
      System.out.printf(
          "DRIVER executions_per_min=%.0f p50_ms=%.0f p99_ms=%.0f%n",
          perMinute, percentile(latencies, 50), percentile(latencies, 99));
    }
  }

  /** The statements that took the catalog's time in the window, per completed execution. */
  private static void printStatements(Jdbi jdbi, long executions) {
    System.err.println("driver: top statements (calls and ms per completed execution):");
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') as q
                    from pg_stat_statements order by total_exec_time desc limit 30
                    """)
                .map(
                    (rs, ctx) ->
                        String.format(
                            "  %6.2f calls %7.3f ms  %s",
                            rs.getLong("calls") / (double) executions,
                            rs.getDouble("total_exec_time") / executions,
                            abbreviate(rs.getString("q"))))
                .forEach(System.err::println));
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 160 ? sql : sql.substring(0, 160) + "...";
  }

  private static String now(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select now()::text").mapTo(String.class).one());
  }

  private static List<Double> query(Jdbi jdbi, String sql, long first, String from, String to) {
    return new ArrayList<>(
        jdbi.withHandle(
            h ->
                h.createQuery(sql)
                    .bind("first", first)
                    .bind("from", from)
                    .bind("to", to)
                    .mapTo(Double.class)
                    .list()));
  }

  private static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /**
   * Submitter threads that create and start executions while fewer than the bound are unfinished,
   * and a watcher that frees a permit for each execution that ended (counted in the catalog).
   */
  private static final class Stream {
    private final Semaphore permits;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong firstId = new AtomicLong(Long.MAX_VALUE);
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Long> unfinished = ConcurrentHashMap.newKeySet();
    private volatile long ended;

    private Stream(int bound) {
      this.permits = new Semaphore(bound);
    }

    static Stream start(Catalog catalog, Jdbi jdbi, int bound) {
      Stream stream = new Stream(bound);
      for (int i = 0; i < SUBMITTERS; i++) {
        stream.threads.add(new Thread(() -> stream.submit(catalog), "dispatch-submitter-" + i));
      }
      Thread watcher = new Thread(() -> stream.watch(jdbi), "dispatch-watcher");
      watcher.setDaemon(true);
      watcher.start();
      stream.threads.forEach(Thread::start);
      return stream;
    }

    private void submit(Catalog catalog) {
      while (running.get()) {
        try {
          if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            continue;
          }
        } catch (InterruptedException e) {
          return;
        }
        long id =
            catalog
                .executions()
                .create(CreateExecution.of(FOLDER, "hello", "hello").inScaleOut(true));
        firstId.accumulateAndGet(id, Math::min);
        unfinished.add(id);
        catalog.executions().start(id, 0);
        submitted.incrementAndGet();
      }
    }

    private void watch(Jdbi jdbi) {
      while (running.get() || ended < submitted.get()) {
        if (!unfinished.isEmpty()) {
          Long[] ids = unfinished.toArray(Long[]::new);
          List<Long> done =
              jdbi.withHandle(
                  h -> h.createQuery(ENDED_OF).bind("ids", ids).mapTo(Long.class).list());
          if (!done.isEmpty()) {
            done.forEach(unfinished::remove);
            ended += done.size();
            permits.release(done.size());
          }
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join();
      }
    }

    /** Waits until everything submitted has ended; false if some did not within the limit. */
    boolean drain(Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (ended < submitted.get()) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(50);
      }
      return true;
    }

    long submitted() {
      return submitted.get();
    }

    long firstId() {
      return firstId.get();
    }
  }
}
