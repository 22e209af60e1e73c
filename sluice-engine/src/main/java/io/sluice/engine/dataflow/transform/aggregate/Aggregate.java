package io.sluice.engine.dataflow.transform.aggregate;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.spill.RowSizes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hash aggregation: one accumulator array per group key. */
final class Aggregate implements ComponentRuntime {

  private static final long GROUP_OVERHEAD = 96;

  private final int[] groupBy;
  private final List<AggregateType.Spec> aggregates;
  private final long budget;

  Aggregate(int[] groupBy, List<AggregateType.Spec> aggregates, long budget) {
    this.groupBy = groupBy;
    this.aggregates = aggregates;
    this.budget = budget;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    Map<Object, Accumulator[]> groups = new HashMap<>();
    Map<Object, Object[]> keysOf = new HashMap<>();
    long held = 0;
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      Object[][] columns = buffer.columns();
      for (int i = 0; i < buffer.size(); i++) {
        int r = buffer.row(i);
        Object key = key(columns, r);
        Accumulator[] state = groups.get(key);
        if (state == null) {
          state = newState();
          groups.put(key, state);
          Object[] keyValues = keyValues(columns, r);
          keysOf.put(key, keyValues);
          held += GROUP_OVERHEAD + RowSizes.of(keyValues) + 32L * state.length;
        }
        for (int a = 0; a < state.length; a++) {
          int input = aggregates.get(a).input();
          held += state[a].add(input < 0 ? Boolean.TRUE : columns[input][r]);
        }
      }
      if (held > budget) {
        throw new IllegalStateException(
            "the Aggregate holds "
                + groups.size()
                + " groups and needs more than its memory budget of "
                + (budget >> 20)
                + " MB; set 'memoryLimitMb' higher, give the JVM more heap, or"
                + " group by fewer distinct values");
      }
    }
    if (groups.isEmpty() && groupBy.length == 0) {
      groups.put(List.of(), newState()); // an aggregate without groups always gives one row
      keysOf.put(List.of(), new Object[0]);
    }
    int width = groupBy.length + aggregates.size();
    BufferBuilder out = new BufferBuilder(width, io.bufferRows());
    for (Map.Entry<Object, Accumulator[]> group : groups.entrySet()) {
      Object[] row = new Object[width];
      System.arraycopy(keysOf.get(group.getKey()), 0, row, 0, groupBy.length);
      Accumulator[] state = group.getValue();
      for (int a = 0; a < state.length; a++) {
        row[groupBy.length + a] = state[a].result();
      }
      out.add(row);
      if (out.isFull()) {
        io.send(0, out.take());
      }
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
  }

  /** A single group column is its own key; several make a list (equal element by element). */
  private Object key(Object[][] columns, int r) {
    if (groupBy.length == 1) {
      return columns[groupBy[0]][r];
    }
    return Arrays.asList(keyValues(columns, r));
  }

  private Object[] keyValues(Object[][] columns, int r) {
    Object[] values = new Object[groupBy.length];
    for (int g = 0; g < groupBy.length; g++) {
      values[g] = columns[groupBy[g]][r];
    }
    return values;
  }

  private Accumulator[] newState() {
    Accumulator[] state = new Accumulator[aggregates.size()];
    for (int a = 0; a < state.length; a++) {
      AggregateType.Spec s = aggregates.get(a);
      state[a] =
          s.input() < 0
              ? new Accumulator.Count(true)
              : Accumulator.of(s.operation(), s.inputType(), s.outputType());
    }
    return state;
  }
}
