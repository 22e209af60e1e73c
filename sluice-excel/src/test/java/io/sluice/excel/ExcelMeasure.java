package io.sluice.excel;

import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Not part of the suite: 1M rows (an int, a code, a double, a date, a sentence) written to an .xlsx
 * by ExcelDestination, then read back by ExcelSource, with the heap's peak during each. Run with a
 * small heap to show neither needs the sheet in memory: {@code java -Xmx256m -cp <test classpath>
 * io.sluice.excel.ExcelMeasure [rows]}; ends with a RESULT line.
 */
public final class ExcelMeasure {

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("excel-measure");
    Path text = dir.resolve("rows.txt");
    String[] codes = {"USD", "EUR", "GBP", "JPY", "ARS", "AUD", "BRL", "CAD"};
    try (BufferedWriter out = Files.newBufferedWriter(text)) {
      LocalDate day = LocalDate.of(2005, 1, 1);
      for (int i = 0; i < rows; i++) {
        out.write(
            i
                + "|"
                + codes[i % codes.length]
                + "|"
                + (i * 0.0137)
                + "|"
                + day.plusDays(i % 3650)
                + "|row "
                + i
                + " of the measurement\n");
      }
    }
    Path xlsx = dir.resolve("rows.xlsx");
    SimpleDataFlowEnvironment env =
        ExcelFlows.environment(dir)
            .flatFile(
                "rows",
                text,
                ExcelFlows.settings(
                    "{delimiter: '|', headerRow: false, columns: [{name: Id, type: DT_I4}, {name:"
                        + " Code, type: 'DT_WSTR,3'}, {name: Amount, type: DT_R8}, {name: Day, type:"
                        + " DT_DBDATE}, {name: Note, type: 'DT_WSTR,60'}]}"))
            .build();
    String write =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rows}
          - {name: Write, type: ExcelDestination, input: Read, file: '%s', sheet: Rows}
        """
            .formatted(xlsx);
    String read =
        """
        components:
          - {name: Read, type: ExcelSource, file: '%s', sheet: Rows}
          - {name: Drop, type: DiscardDestination, input: Read}
        """
            .formatted(xlsx);
    Peak writing = measure(write, env);
    Peak reading = measure(read, env);
    long max = Runtime.getRuntime().maxMemory() >> 20;
    System.out.printf(
        "write %.1fs, peak heap %d MB; read %.1fs, peak heap %d MB; max heap %d MB; file %d MB%n",
        writing.seconds,
        writing.heapMb,
        reading.seconds,
        reading.heapMb,
        max,
        Files.size(xlsx) >> 20);
    System.out.printf(
        "RESULT rows=%d excel_write_rows_per_s=%.0f excel_read_rows_per_s=%.0f"
            + " excel_write_peak_heap_mb=%d excel_read_peak_heap_mb=%d max_heap_mb=%d%n",
        rows, rows / writing.seconds, rows / reading.seconds, writing.heapMb, reading.heapMb, max);
  }

  private record Peak(double seconds, long heapMb) {}

  private static Peak measure(String yaml, SimpleDataFlowEnvironment env) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    DataFlowResult result = DataFlowPlanner.plan(ExcelFlows.task(yaml), env).run();
    if (!result.succeeded()) {
      throw new IllegalStateException(result.failure(), result.cause());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Peak(result.elapsed().toNanos() / 1e9, peak >> 20);
  }
}
