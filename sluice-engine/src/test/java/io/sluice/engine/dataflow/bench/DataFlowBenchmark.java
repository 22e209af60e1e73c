package io.sluice.engine.dataflow.bench;

import com.sun.management.OperatingSystemMXBean;
import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Benchmark parts (a) and (b): engine throughput per core into a discarding destination, and a
 * PostgreSQL load against PostgreSQL's own COPY of the same file. Prints {@code key=value} lines
 * that bench/dataflow combines into its RESULT line.
 */
public final class DataFlowBenchmark {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final String TABLE_DDL =
      """
      CREATE TABLE lineitem (
        l_orderkey bigint, l_partkey int, l_suppkey int, l_linenumber int,
        l_quantity numeric(15,2), l_extendedprice numeric(15,2), l_discount numeric(15,2),
        l_tax numeric(15,2), l_returnflag char(1), l_linestatus char(1), l_shipdate date,
        l_commitdate date, l_receiptdate date, l_shipinstruct varchar(25), l_shipmode varchar(10),
        l_comment varchar(44), disc_price numeric(32,4))
      """;

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    Path file = LineitemFile.ensure(BenchFlows.target(), rows);
    System.out.println("file=" + file + " rows=" + rows);

    // Steady state, as in a worker JVM that has run packages before: the first passes still pay
    // for JIT compilation and for the heap growing to its working size, so they are not measured.
    int warmups = Integer.getInteger("bench.warmups", 2);
    for (int i = 0; i < warmups; i++) {
      print("warm-up", runToDiscard(file));
    }
    int repeats = Integer.getInteger("bench.repeats", 3);
    List<Double> perCoreRuns = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      perCoreRuns.add(print("engine", runToDiscard(file)));
    }
    Collections.sort(perCoreRuns);
    double perCore = perCoreRuns.get(perCoreRuns.size() / 2);
    System.out.printf(Locale.ROOT, "engine median: %.0f rows/s per core%n", perCore);
    if (Boolean.getBoolean("bench.engineOnly")) {
      return;
    }

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource ds = postgres.getPostgresDatabase();
      execute(ds, TABLE_DDL);
      long copyStart = System.nanoTime();
      execute(
          ds,
          "COPY lineitem ("
              + String.join(", ", LineitemFile.COLUMNS)
              + ") FROM '"
              + file.toAbsolutePath()
              + "' WITH (FORMAT csv, DELIMITER '|')");
      double copySeconds = (System.nanoTime() - copyStart) / 1e9;
      execute(ds, "TRUNCATE lineitem");
      execute(ds, "CHECKPOINT");
      Measured b = runToPostgres(file, ds);
      double ratio = b.wallSeconds / copySeconds;
      System.out.printf(
          Locale.ROOT,
          "postgres: COPY FROM file %.2f s; engine load %.2f s (%.2f cores) -> %.2fx%n",
          copySeconds,
          b.wallSeconds,
          b.coresUsed(),
          ratio);
      System.out.printf(
          Locale.ROOT,
          "PARTS rows=%d engine_rows_per_s_per_core=%.0f load_vs_copy=%.2f%n",
          rows,
          perCore,
          ratio);
    }
  }

  /** Prints one pass and returns its rows per second per core. */
  private static double print(String label, Measured a) {
    double rate = a.rows / a.wallSeconds / a.coresUsed();
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows in %.2f s wall, %.2f s CPU (%.2f cores) -> %.0f rows/s, %.0f rows/s per core%n",
        label,
        a.rows,
        a.wallSeconds,
        a.cpuSeconds,
        a.coresUsed(),
        a.rows / a.wallSeconds,
        rate);
    return rate;
  }

  record Measured(long rows, double wallSeconds, double cpuSeconds) {
    double coresUsed() {
      return cpuSeconds / wallSeconds;
    }
  }

  private static Measured runToDiscard(Path file) {
    var env = environment(file).build();
    var plan = DataFlowPlanner.plan(BenchFlows.transformAndLoad("type: DiscardDestination"), env);
    return measure(() -> plan.run(), "Check.Valid -> Store");
  }

  private static Measured runToPostgres(Path file, DataSource ds) {
    var env = environment(file).jdbc("warehouse", ds::getConnection).build();
    var plan =
        DataFlowPlanner.plan(
            BenchFlows.transformAndLoad(
                "type: JdbcDestination\nconnection: warehouse\ntable: lineitem\n"),
            env);
    return measure(() -> plan.run(), "Check.Valid -> Store");
  }

  private static SimpleDataFlowEnvironment.Builder environment(Path file) {
    return SimpleDataFlowEnvironment.builder()
        .packageName("Benchmark")
        .flatFile("lineitem", file, BenchFlows.lineitemFormat());
  }

  private static Measured measure(java.util.function.Supplier<DataFlowResult> run, String path) {
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    DataFlowResult result = run.get();
    long t1 = System.nanoTime();
    long cpu1 = OS.getProcessCpuTime();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(), result.cause());
    }
    // CPU per component thread; "other" is the rest of the process: GC, JIT, the benchmark itself.
    StringBuilder cpu = new StringBuilder("  cpu ms:");
    long threads = 0;
    for (var c : result.components()) {
      cpu.append(' ').append(c.name()).append('=').append(c.cpu().toMillis());
      threads += c.cpu().toNanos();
    }
    System.out.println(cpu.append(" other=").append((cpu1 - cpu0 - threads) / 1_000_000));
    return new Measured(result.rows(path), (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9);
  }

  private static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
