package io.sluice.engine.dataflow.bench;

import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark part (c): Sort and Aggregate of the whole file in one data flow; run it with -Xmx512m.
 * Reports the peak heap in use, sampled every 10 ms, and the sum of the heap pools' peaks (an upper
 * bound: pools peak at different times).
 */
public final class SortAggregateBenchmark {

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    Path file = LineitemFile.ensure(BenchFlows.target(), rows);
    Path spill = Files.createDirectories(BenchFlows.target().resolve("spill"));
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              var memory = ManagementFactory.getMemoryMXBean();
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    var env =
        SimpleDataFlowEnvironment.builder()
            .packageName("Benchmark")
            .flatFile("lineitem", file, BenchFlows.lineitemFormat())
            .tempDirectory(spill)
            .build();
    long t0 = System.nanoTime();
    DataFlowResult result = DataFlowPlanner.plan(BenchFlows.sortAndAggregate(), env).run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    sampler.interrupt();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(), result.cause());
    }
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "sort+aggregate: %d rows sorted (%d groups) in %.1f s with max heap %d MB;"
            + " peak heap used %d MB (sum of pool peaks %d MB)%n",
        result.rows("Sort by ship date.Output -> Sorted rows"),
        result.rows("Pricing summary.Output -> Summary"),
        seconds,
        Runtime.getRuntime().maxMemory() >> 20,
        peak.get() >> 20,
        poolPeaks >> 20);
    System.out.println("PARTS sort_aggregate_max_heap_mb=" + (peak.get() >> 20));
  }
}
