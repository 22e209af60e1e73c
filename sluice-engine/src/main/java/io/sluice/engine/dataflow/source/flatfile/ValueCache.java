package io.sluice.engine.dataflow.source.flatfile;

import java.util.Arrays;

/**
 * A small direct-mapped cache of decoded values for one column, keyed by the field's bytes. Real
 * files repeat values (flags, codes, modes, dates): a hit returns the same immutable object instead
 * of decoding and allocating a new one. Columns where it does not pay (free text) switch it off
 * after a sample.
 */
final class ValueCache {

  private static final int SIZE = 4096;
  private static final int MAX_KEY = 24;
  private static final int SAMPLE = 20_000;

  private final byte[][] keys = new byte[SIZE][];
  private final Object[] values = new Object[SIZE];
  private int lookups;
  private int hits;
  private boolean enabled = true;

  /** Whether to ask the cache for this field at all. */
  boolean applies(int length) {
    return enabled && length <= MAX_KEY;
  }

  /** The slot a field's bytes map to. */
  int slot(byte[] b, int start, int end) {
    int hash = 1;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + b[i];
    }
    return (hash ^ (hash >>> 12)) & (SIZE - 1);
  }

  /** The cached value for these bytes in that slot, or null. */
  Object find(int slot, byte[] b, int start, int end) {
    byte[] key = keys[slot];
    if (key != null && Arrays.equals(key, 0, key.length, b, start, end)) {
      hits++;
      return values[slot];
    }
    return null;
  }

  void put(int slot, byte[] b, int start, int end, Object value) {
    keys[slot] = Arrays.copyOfRange(b, start, end);
    values[slot] = value;
    if (++lookups == SAMPLE) {
      enabled = hits >= lookups * 2; // keep it only where most lookups hit
    }
  }
}
