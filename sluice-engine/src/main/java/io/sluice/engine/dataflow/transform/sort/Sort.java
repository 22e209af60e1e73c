package io.sluice.engine.dataflow.transform.sort;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.RowComparator;
import io.sluice.engine.dataflow.pipeline.SortKey;
import io.sluice.engine.dataflow.spill.ExternalSorter;
import java.util.Iterator;
import java.util.List;

/** Collects every row into an external sorter, then sends them in order. */
final class Sort implements ComponentRuntime {

  private final List<SortKey> keys;
  private final int width;
  private final long budget;
  private final boolean removeDuplicates;

  Sort(List<SortKey> keys, int width, long budget, boolean removeDuplicates) {
    this.keys = keys;
    this.width = width;
    this.budget = budget;
    this.removeDuplicates = removeDuplicates;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    RowComparator order = new RowComparator(keys);
    try (ExternalSorter sorter =
        new ExternalSorter(order, width, budget, io.environment().tempDirectory())) {
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        for (int i = 0; i < buffer.size(); i++) {
          sorter.add(buffer.copyRow(i));
        }
      }
      if (sorter.spills() > 0) {
        io.information("Sort spilled " + sorter.spills() + " sorted runs to disk.");
      }
      BufferBuilder out = new BufferBuilder(width, io.bufferRows());
      Object[] previous = null;
      Iterator<Object[]> rows = sorter.sorted();
      while (rows.hasNext()) {
        Object[] row = rows.next();
        if (removeDuplicates && previous != null && order.compare(previous, row) == 0) {
          continue;
        }
        previous = row;
        out.add(row);
        if (out.isFull()) {
          io.checkCancelled();
          io.send(0, out.take());
        }
      }
      if (!out.isEmpty()) {
        io.send(0, out.take());
      }
    }
  }
}
