package io.sluice.engine.dataflow.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by sort keys: NULL first (as SSIS sorts), strings by code point (ordinal, like SSIS
 * with no comparison flags), bytes unsigned, everything else by its natural order.
 */
public final class RowComparator implements Comparator<Object[]> {

  private final int[] columns;
  private final boolean[] descending;

  public RowComparator(List<SortKey> keys) {
    this.columns = keys.stream().mapToInt(SortKey::column).toArray();
    this.descending = new boolean[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      descending[i] = keys.get(i).descending();
    }
  }

  @Override
  public int compare(Object[] a, Object[] b) {
    for (int k = 0; k < columns.length; k++) {
      int c = compareValues(a[columns[k]], b[columns[k]]);
      if (c != 0) {
        return descending[k] ? -c : c;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    return ((Comparable) a).compareTo(b);
  }
}
