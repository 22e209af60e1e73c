package io.sluice.engine.dataflow.bench;

import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not part of the suite: the Raw File format against flat files, on 1M lineitem rows (16 typed
 * columns): each write flow reads the generated flat file, so its cost is its time less the plain
 * read's. Run: {@code java -cp <test classpath> io.sluice.engine.dataflow.bench.RawFileMeasure
 * [rows]}; prints one line per flow and a RESULT line (rows/s).
 */
public final class RawFileMeasure {

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = Files.createDirectories(BenchFlows.target());
    Path lineitem = LineitemFile.ensure(dir, rows);
    Path raw = dir.resolve("lineitem.raw");
    Path flat = dir.resolve("lineitem-copy.txt");
    SimpleDataFlowEnvironment env =
        SimpleDataFlowEnvironment.builder()
            .packageName("Measure")
            .tempDirectory(dir)
            .flatFile("lineitem", lineitem, BenchFlows.lineitemFormat())
            .flatFile("copy", flat, BenchFlows.lineitemFormat())
            .file("raw", raw)
            .build();
    String readFlat = flow("{name: R, type: FlatFileSource, connection: lineitem}", "Discard");
    String writeRaw =
        flow(
            "{name: R, type: FlatFileSource, connection: lineitem}",
            "RawFileDestination, connection: raw");
    String writeFlat =
        flow(
            "{name: R, type: FlatFileSource, connection: lineitem}",
            "FlatFileDestination, connection: copy");
    String readRaw = flow("{name: R, type: RawFileSource, connection: raw}", "Discard");
    String readCopy = flow("{name: R, type: FlatFileSource, connection: copy}", "Discard");
    for (int warm = 0; warm < 2; warm++) {
      run(readFlat, env);
    }
    double base = best(readFlat, env);
    double rawWrite = best(writeRaw, env);
    double flatWrite = best(writeFlat, env);
    double rawRead = best(readRaw, env);
    double flatRead = best(readCopy, env);
    System.out.printf(
        "flat read %.2fs; flat read + raw write %.2fs; flat read + flat write %.2fs;"
            + " raw read %.2fs; flat read (copy) %.2fs; raw file %d MB, flat file %d MB%n",
        base,
        rawWrite,
        flatWrite,
        rawRead,
        flatRead,
        Files.size(raw) >> 20,
        Files.size(flat) >> 20);
    System.out.printf(
        "RESULT rows=%d raw_write_rows_per_s=%.0f flat_write_rows_per_s=%.0f"
            + " raw_read_rows_per_s=%.0f flat_read_rows_per_s=%.0f%n",
        rows,
        rows / Math.max(0.001, rawWrite - base),
        rows / Math.max(0.001, flatWrite - base),
        rows / rawRead,
        rows / flatRead);
  }

  private static String flow(String source, String destination) {
    String type = destination.equals("Discard") ? "DiscardDestination" : destination;
    return "components:\n  - " + source + "\n  - {name: W, type: " + type + ", input: R}\n";
  }

  /** The best of three runs, in seconds. */
  private static double best(String yaml, SimpleDataFlowEnvironment env) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      best = Math.min(best, run(yaml, env));
    }
    return best;
  }

  private static double run(String yaml, SimpleDataFlowEnvironment env) {
    DataFlowResult result = DataFlowPlanner.plan(BenchFlows.task(yaml), env).run();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(), result.cause());
    }
    return result.elapsed().toNanos() / 1e9;
  }
}
