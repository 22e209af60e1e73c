package io.sluice.engine.dataflow.transform.lookup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Rough heap sizes of cache entries, for a partial cache's {@code cacheSizeMb}. */
final class Sizes {

  private Sizes() {}

  /** A hash map entry with its key and values. */
  static long entry(Object key, Object[] values) {
    long bytes = 48 + value(key) + 16 + 8L * values.length;
    for (Object v : values) {
      bytes += value(v);
    }
    return bytes;
  }

  static long value(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40 + 2L * s.length();
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof BigDecimal || v instanceof BigInteger) {
      return 64;
    }
    if (v instanceof List<?> list) {
      long bytes = 40 + 8L * list.size();
      for (Object e : list) {
        bytes += value(e);
      }
      return bytes;
    }
    return 24;
  }
}
