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
 *
 * <p>Two ways per set, and a table that grows while misses show the column has more distinct values
 * than it holds: of 2,500 distinct keys (seven years of days), nearly half shared a slot with
 * another in a direct-mapped table of 4,096 slots and kept evicting it; at 8,192 sets of two ways,
 * 95% stay cached (ValueCacheTest). Starting small keeps a short flow from zeroing a large table
 * per column, and a small table stays in the CPU's caches: a grown one costs a cache miss per
 * probe, which is why dates, the columns that made tables grow, now have their own {@link
 * DateCache}.
 */
final class ValueCache {

  private static final int FIRST_SETS = 512;
  private static final int MAX_SETS = 8192;
  private static final int MAX_KEY = 24;
  private static final int SAMPLE = 20_000;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private int sets = FIRST_SETS;

  /** Per slot: the key's three words, then its length plus one (0 = empty slot). */
  private long[] keys = new long[FIRST_SETS * 2 * 4];

  private Object[] values = new Object[FIRST_SETS * 2];
  private int misses;
  private int missesSinceGrowth;
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

  /**
   * The first slot of the set a field's bytes map to (the second is the next one); remembers the
   * field's key for {@link #find} and put.
   */
  int slot(byte[] b, int start, int end) {
    int length = end - start;
    w0 = word(b, start, end);
    w1 = length > 8 ? word(b, start + 8, end) : 0;
    w2 = length > 16 ? word(b, start + 16, end) : 0;
    // Combined, then MurmurHash3's finalizer: dates differ only in a few bits of two words, and
    // every bit of the key must reach the low bits the set index is taken from.
    long h = ((w0 * 0x9E3779B97F4A7C15L + w1) * 0x9E3779B97F4A7C15L + w2) ^ length;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return ((int) h & (sets - 1)) * 2;
  }

  /** The cached value for the field given to {@link #slot}, or null. */
  Object find(int slot, int length) {
    if (matches(slot, length)) {
      hits++;
      return values[slot];
    }
    if (matches(slot + 1, length)) {
      hits++;
      return values[slot + 1];
    }
    return null;
  }

  private boolean matches(int slot, int length) {
    int k = slot * 4;
    return keys[k + 3] == length + 1 && keys[k] == w0 && keys[k + 1] == w1 && keys[k + 2] == w2;
  }

  /**
   * Stores the value of the field given to {@link #slot} (after a miss) in the set's second way,
   * moving the first way's entry there: the most recent key stays first, the older is evicted.
   */
  void put(int slot, int length, Object value) {
    int k = slot * 4;
    System.arraycopy(keys, k, keys, k + 4, 4);
    values[slot + 1] = values[slot];
    keys[k] = w0;
    keys[k + 1] = w1;
    keys[k + 2] = w2;
    keys[k + 3] = length + 1;
    values[slot] = value;
    if (++misses == SAMPLE) {
      enabled = hits >= misses * 2; // keep it only where at least two lookups in three hit
    }
    if (++missesSinceGrowth > sets && sets < MAX_SETS) {
      grow();
    }
  }

  /** Four times the sets, empty: the values refill on the next misses, no rehashing needed. */
  private void grow() {
    sets *= 4;
    keys = new long[sets * 2 * 4];
    values = new Object[sets * 2];
    missesSinceGrowth = 0;
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
