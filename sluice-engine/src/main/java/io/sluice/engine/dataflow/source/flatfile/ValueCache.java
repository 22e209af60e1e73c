package io.sluice.engine.dataflow.source.flatfile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A small direct-mapped cache of decoded values for one column, keyed by the field's bytes. Real
 * files repeat values (flags, codes, modes, dates): a hit returns the same immutable object instead
 * of decoding and allocating a new one. Columns where it does not pay (free text) switch it off
 * after a sample.
 *
 * <p>Keys of up to 24 bytes are held inline as three longs read eight bytes at a time, so a lookup
 * is a few loads and compares, with no byte loop and no pointer to a key array to follow.
 */
final class ValueCache {

  private static final int SIZE = 4096;
  private static final int MAX_KEY = 24;
  private static final int SAMPLE = 20_000;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Per slot: the key's three words, then its length plus one (0 = empty slot). */
  private final long[] keys = new long[SIZE * 4];

  private final Object[] values = new Object[SIZE];
  private int lookups;
  private int hits;
  private boolean enabled = true;

  // The key of the field last passed to slot(), for find() and put() to compare and store.
  private long w0;
  private long w1;
  private long w2;

  /** Whether to ask the cache for this field at all. */
  boolean applies(int length) {
    return enabled && length <= MAX_KEY;
  }

  /** The slot a field's bytes map to; remembers the field's key for {@link #find} and put. */
  int slot(byte[] b, int start, int end) {
    int length = end - start;
    w0 = word(b, start, end);
    w1 = length > 8 ? word(b, start + 8, end) : 0;
    w2 = length > 16 ? word(b, start + 16, end) : 0;
    long h = (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ (w2 * 0x165667B19E3779F9L);
    h ^= length;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h >>> 52) & (SIZE - 1);
  }

  /** The cached value for the field given to {@link #slot}, or null. */
  Object find(int slot, int length) {
    int k = slot * 4;
    if (keys[k + 3] == length + 1 && keys[k] == w0 && keys[k + 1] == w1 && keys[k + 2] == w2) {
      hits++;
      return values[slot];
    }
    return null;
  }

  /** Stores the value of the field given to {@link #slot}. */
  void put(int slot, int length, Object value) {
    int k = slot * 4;
    keys[k] = w0;
    keys[k + 1] = w1;
    keys[k + 2] = w2;
    keys[k + 3] = length + 1;
    values[slot] = value;
    if (++lookups == SAMPLE) {
      enabled = hits >= lookups * 2; // keep it only where most lookups hit
    }
  }

  /** Up to eight bytes from {@code at} (not past {@code end}) as a little-endian word. */
  private static long word(byte[] b, int at, int end) {
    int n = Math.min(8, end - at);
    if (at + 8 <= b.length) {
      long w = (long) LONGS.get(b, at);
      return n == 8 ? w : w & ((1L << (n * 8)) - 1);
    }
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = (w << 8) | (b[at + i] & 0xFF);
    }
    return w;
  }
}
