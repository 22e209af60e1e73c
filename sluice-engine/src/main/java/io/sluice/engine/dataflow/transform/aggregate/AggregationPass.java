package io.sluice.engine.dataflow.transform.aggregate;

import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.spill.RowSizes;
import io.sluice.engine.dataflow.spill.SpillCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One pass of the Aggregate over its input or over one spilled partition. */
final class AggregationPass implements AutoCloseable {

  private static final int PARTITIONS = 16;

  /** Past this depth a partition is held whole: one huge group cannot be split further. */
  private static final int MAX_LEVEL = 4;

  private static final long GROUP_OVERHEAD = 96;

  private final int[] groupBy;
  private final List<AggregateType.Spec> aggregates;
  private final long budget;
  private final int level;
  private final Path temp;
  private final Map<Object, Accumulator[]> groups = new HashMap<>();
  private final Map<Object, Object[]> keysOf = new HashMap<>();
  private final Path[] partitions = new Path[PARTITIONS];
  private final DataOutputStream[] writers = new DataOutputStream[PARTITIONS];
  private long held;
  private boolean spilling;
  private int width = -1;

  AggregationPass(
      int[] groupBy, List<AggregateType.Spec> aggregates, long budget, int level, Path temp) {
    this.groupBy = groupBy;
    this.aggregates = aggregates;
    this.budget = budget;
    this.level = level;
    this.temp = temp;
  }

  boolean spilled() {
    return spilling;
  }

  /** Aggregates a row; the pass keeps none of the array itself, so callers may reuse it. */
  void add(Object[] row) throws IOException {
    width = row.length;
    Object key = key(row);
    Accumulator[] state = groups.get(key);
    if (state == null) {
      if (spilling) {
        spill(key, row);
        return;
      }
      state = newState();
      groups.put(key, state);
      Object[] keyValues = keyValues(row);
      keysOf.put(key, keyValues);
      held += GROUP_OVERHEAD + RowSizes.of(keyValues) + 32L * state.length;
    }
    for (int a = 0; a < state.length; a++) {
      int input = aggregates.get(a).input();
      held += state[a].add(input < 0 ? Boolean.TRUE : row[input]);
    }
    if (held > budget && level < MAX_LEVEL) {
      spilling = true;
    }
  }

  private void spill(Object key, Object[] row) throws IOException {
    // Each level takes other bits of the mixed hash, so a partition splits again one level down.
    int mixed = (key == null ? 0 : key.hashCode()) * 0x9E3779B9;
    int p = (mixed >>> (28 - 4 * level)) & (PARTITIONS - 1);
    if (writers[p] == null) {
      Files.createDirectories(temp);
      partitions[p] = Files.createTempFile(temp, "sluice-aggregate-", ".part");
      writers[p] =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(partitions[p]), 64 * 1024));
    }
    SpillCodec.writeRow(writers[p], row);
  }

  /** Sends this pass's groups, then aggregates each spilled partition in a pass of its own. */
  void finish(ComponentIo io, BufferBuilder out, boolean alwaysOneRow) throws Exception {
    if (groups.isEmpty() && alwaysOneRow) {
      groups.put(List.of(), newState()); // an aggregate without groups always gives one row
      keysOf.put(List.of(), new Object[0]);
    }
    for (Map.Entry<Object, Accumulator[]> group : groups.entrySet()) {
      Object[] result = new Object[groupBy.length + aggregates.size()];
      System.arraycopy(keysOf.get(group.getKey()), 0, result, 0, groupBy.length);
      Accumulator[] state = group.getValue();
      for (int a = 0; a < state.length; a++) {
        result[groupBy.length + a] = state[a].result();
      }
      out.add(result);
      if (out.isFull()) {
        io.checkCancelled();
        io.send(0, out.take());
      }
    }
    groups.clear();
    keysOf.clear();
    for (int p = 0; p < PARTITIONS; p++) {
      if (writers[p] == null) {
        continue;
      }
      writers[p].close();
      writers[p] = null;
      try (AggregationPass next =
              new AggregationPass(groupBy, aggregates, budget, level + 1, temp);
          DataInputStream in =
              new DataInputStream(
                  new BufferedInputStream(Files.newInputStream(partitions[p]), 64 * 1024))) {
        while (true) {
          Object[] row;
          try {
            row = SpillCodec.readRow(in, width);
          } catch (EOFException end) {
            break;
          }
          next.add(row);
        }
        next.finish(io, out, false);
      } finally {
        Files.deleteIfExists(partitions[p]);
      }
    }
  }

  private Object key(Object[] row) {
    if (groupBy.length == 1) {
      return row[groupBy[0]];
    }
    return Arrays.asList(keyValues(row));
  }

  private Object[] keyValues(Object[] row) {
    Object[] values = new Object[groupBy.length];
    for (int g = 0; g < groupBy.length; g++) {
      values[g] = row[groupBy[g]];
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

  @Override
  public void close() throws IOException {
    for (int p = 0; p < PARTITIONS; p++) {
      if (writers[p] != null) {
        writers[p].close();
      }
      if (partitions[p] != null) {
        Files.deleteIfExists(partitions[p]);
      }
    }
  }
}
