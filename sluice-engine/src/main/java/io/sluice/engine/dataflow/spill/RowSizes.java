package io.sluice.engine.dataflow.spill;

import java.math.BigDecimal;

/**
 * Rough heap sizes of rows held by blocking components, to decide when to spill (64-bit JVM,
 * compressed pointers, compact strings). Cheap on purpose: it runs for every row.
 */
public final class RowSizes {

  private RowSizes() {}

  public static long of(Object[] row) {
    long size = 16 + 4L * row.length + 8; // the array, plus the list slot pointing at it
    for (Object v : row) {
      size += of(v);
    }
    return size;
  }

  static long of(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40 + s.length(); // compact (Latin-1) strings, the common case
    }
    if (v instanceof BigDecimal d) {
      return d.precision() < 18 ? 40 : 80 + d.precision() / 2;
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Boolean) {
      return 16;
    }
    return 32; // Long, Double, dates and times: an object with one or two fields
  }
}
