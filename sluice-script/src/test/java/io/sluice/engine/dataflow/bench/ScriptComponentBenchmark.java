package io.sluice.engine.dataflow.bench;

import com.sun.management.OperatingSystemMXBean;
import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import io.sluice.engine.project.TaskDefinition;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark part (d) of bench/dataflow: a Script Component computing one column from two against a
 * Derived Column computing the same, each in the flow lineitem CSV → it → discarding destination.
 * Prints the script flow's rows per second per core and the ratio of the two components' own CPU
 * time. It lives in sluice-script (the Script Component's module) in the benchmark's package, to
 * share the lineitem file and flows of sluice-engine's test jar.
 */
public final class ScriptComponentBenchmark {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The component under test is named Compute; its output feeds Store. */
  static final String COMPUTE = "Compute";

  static final String DERIVED =
      """
      type: DerivedColumn
      columns:
        - name: disc_price
          expression: l_extendedprice * (1 - l_discount)
      """;

  static final String SCRIPT =
      """
      type: ScriptComponent
      outputColumns: [{name: disc_price, type: 'DT_NUMERIC,32,4'}]
      source: |
        import io.sluice.api.script.*;
        import java.math.BigDecimal;

        public class ScriptMain extends ScriptComponent {
          @Override
          public void processInputRow(ScriptRow row) {
            BigDecimal price = row.getDecimal("l_extendedprice");
            BigDecimal discount = row.getDecimal("l_discount");
            if (price == null || discount == null) {
              row.setNull("disc_price");
            } else {
              row.setDecimal("disc_price", price.multiply(BigDecimal.ONE.subtract(discount)));
            }
          }
        }
      """;

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    Path file = LineitemFile.ensure(BenchFlows.target(), rows);
    int warmups = Integer.getInteger("bench.warmups", 2);
    int repeats = Integer.getInteger("bench.repeats", 3);
    for (int i = 0; i < warmups; i++) {
      print("warm-up derived", run(file, DERIVED));
      print("warm-up script", run(file, SCRIPT));
    }
    List<Double> derivedRates = new ArrayList<>();
    List<Double> scriptRates = new ArrayList<>();
    List<Double> componentRatios = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      Measured derived = run(file, DERIVED);
      Measured script = run(file, SCRIPT);
      derivedRates.add(print("derived", derived));
      scriptRates.add(print("script", script));
      componentRatios.add(
          (double) script.computeCpu.toNanos() / Math.max(1, derived.computeCpu.toNanos()));
    }
    System.out.printf(
        Locale.ROOT,
        "PARTS rows=%d script_rows_per_s_per_core=%.0f derived_rows_per_s_per_core=%.0f"
            + " script_vs_derived_cpu=%.2f%n",
        rows,
        median(scriptRates),
        median(derivedRates),
        median(componentRatios));
  }

  /** The flow lineitem → {@code compute} (a component named Compute) → discarding destination. */
  static TaskDefinition flow(String compute) {
    return BenchFlows.task(
        """
        components:
          - name: Read lineitem
            type: FlatFileSource
            connection: lineitem
          - name: Compute
            input: Read lineitem
        """
            + compute.indent(4)
            + """
              - name: Store
                type: DiscardDestination
                input: Compute
            """);
  }

  record Measured(long rows, double wallSeconds, double cpuSeconds, Duration computeCpu) {}

  static Measured run(Path file, String compute) {
    var env =
        SimpleDataFlowEnvironment.builder()
            .packageName("Benchmark")
            .flatFile("lineitem", file, BenchFlows.lineitemFormat())
            .build();
    var plan = DataFlowPlanner.plan(flow(compute), env);
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    DataFlowResult result = plan.run();
    long t1 = System.nanoTime();
    long cpu1 = OS.getProcessCpuTime();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(), result.cause());
    }
    Duration computeCpu =
        result.components().stream()
            .filter(c -> c.name().equals(COMPUTE))
            .findFirst()
            .orElseThrow()
            .cpu();
    return new Measured(
        result.rows("Compute.Output -> Store"), (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, computeCpu);
  }

  private static double print(String label, Measured m) {
    double perCore = m.rows / m.cpuSeconds;
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows in %.2f s wall, %.2f s CPU -> %.0f rows/s per core; %s CPU %d ms%n",
        label,
        m.rows,
        m.wallSeconds,
        m.cpuSeconds,
        perCore,
        COMPUTE,
        m.computeCpu.toMillis());
    return perCore;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
