package io.sluice.engine.dataflow.transform.aggregate;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import java.nio.file.Path;
import java.util.List;

/**
 * Hash aggregation within a memory budget. Groups already in memory keep aggregating there; once
 * the budget is reached, rows of groups not yet seen are spilled to partition files by key hash and
 * aggregated partition by partition afterwards. Every group is thus aggregated in exactly one
 * place, which keeps every operation (count distinct included) exact.
 */
final class Aggregate implements ComponentRuntime {

  private final int[] groupBy;
  private final List<AggregateType.Spec> aggregates;
  private final long budget;

  Aggregate(int[] groupBy, List<AggregateType.Spec> aggregates, long budget) {
    this.groupBy = groupBy;
    this.aggregates = aggregates;
    this.budget = budget;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    Path temp = io.environment().tempDirectory();
    BufferBuilder out = new BufferBuilder(groupBy.length + aggregates.size(), io.bufferRows());
    AggregationPass first = new AggregationPass(groupBy, aggregates, budget, 0, temp);
    try {
      Buffer buffer;
      Object[] row = null;
      while ((buffer = io.take(0)) != null) {
        Object[][] columns = buffer.columns();
        if (row == null) {
          row = new Object[columns.length];
        }
        for (int i = 0; i < buffer.size(); i++) {
          int r = buffer.row(i);
          for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c][r];
          }
          first.add(row);
        }
      }
      if (first.spilled()) {
        io.information(
            "The Aggregate passed its memory budget and spilled rows of new groups to disk.");
      }
      first.finish(io, out, groupBy.length == 0);
    } finally {
      first.close();
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
  }
}
