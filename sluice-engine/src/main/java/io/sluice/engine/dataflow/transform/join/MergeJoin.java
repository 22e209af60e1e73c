package io.sluice.engine.dataflow.transform.join;

import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.RowComparator;
import io.sluice.engine.dataflow.pipeline.RowStream;
import io.sluice.engine.dataflow.pipeline.SortKey;
import java.util.ArrayList;
import java.util.List;

/** The streaming sort-merge join. NULL keys never match (they come out unmatched). */
final class MergeJoin implements ComponentRuntime {

  private final MergeJoinType.JoinType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final List<MergeJoinType.Pick> picks;

  MergeJoin(
      MergeJoinType.JoinType type,
      List<SortKey> leftKeys,
      List<SortKey> rightKeys,
      List<MergeJoinType.Pick> picks) {
    this.type = type;
    this.leftKeys = leftKeys.stream().mapToInt(SortKey::column).toArray();
    this.rightKeys = rightKeys.stream().mapToInt(SortKey::column).toArray();
    this.picks = picks;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    RowStream left = new RowStream(io, 0);
    RowStream right = new RowStream(io, 1);
    BufferBuilder out = new BufferBuilder(picks.size(), io.bufferRows());
    boolean keepLeft = type != MergeJoinType.JoinType.INNER;
    boolean keepRight = type == MergeJoinType.JoinType.FULL;
    while (true) {
      Object[] l = left.peek();
      Object[] r = right.peek();
      if (l == null && r == null) {
        break;
      }
      int c = compare(l, r);
      if (c < 0) {
        left.next();
        if (keepLeft) {
          emit(io, out, l, null);
        }
      } else if (c > 0) {
        right.next();
        if (keepRight) {
          emit(io, out, null, r);
        }
      } else {
        List<Object[]> same = new ArrayList<>();
        while (r != null && compare(l, r) == 0) {
          same.add(right.next());
          r = right.peek();
        }
        Object[] first = l;
        while (l != null && keyCompare(first, leftKeys, l, leftKeys) == 0) {
          left.next();
          for (Object[] match : same) {
            emit(io, out, l, match);
          }
          l = left.peek();
        }
      }
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
  }

  /**
   * Orders the two heads by key; an exhausted side or a NULL key never equals the other side, and a
   * NULL key goes first (rows sort NULL first), so it leaves unmatched.
   */
  private int compare(Object[] l, Object[] r) {
    if (l == null) {
      return 1;
    }
    if (r == null) {
      return -1;
    }
    if (hasNull(l, leftKeys)) {
      return -1;
    }
    if (hasNull(r, rightKeys)) {
      return 1;
    }
    return keyCompare(l, leftKeys, r, rightKeys);
  }

  private static boolean hasNull(Object[] row, int[] keys) {
    for (int k : keys) {
      if (row[k] == null) {
        return true;
      }
    }
    return false;
  }

  private static int keyCompare(Object[] a, int[] aKeys, Object[] b, int[] bKeys) {
    for (int k = 0; k < aKeys.length; k++) {
      int c = RowComparator.compareValues(a[aKeys[k]], b[bKeys[k]]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private void emit(ComponentIo io, BufferBuilder out, Object[] l, Object[] r)
      throws InterruptedException {
    Object[] row = new Object[picks.size()];
    for (int i = 0; i < row.length; i++) {
      MergeJoinType.Pick p = picks.get(i);
      Object[] source = p.left() ? l : r;
      row[i] = source == null ? null : source[p.column()];
    }
    out.add(row);
    if (out.isFull()) {
      io.send(0, out.take());
    }
  }
}
