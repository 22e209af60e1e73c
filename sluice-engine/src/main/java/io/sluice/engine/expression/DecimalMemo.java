package io.sluice.engine.expression;

import java.math.BigDecimal;

/**
 * The results of a one-argument decimal function for the arguments seen last: a small direct-mapped
 * table keyed by the argument's value ({@code equals}, so scale counts, as it does for the result).
 * Switched off after a sample when fewer than half the lookups hit, so a column of unique values
 * pays a few thousand lookups and then nothing.
 *
 * <p>An expression may be evaluated by several threads at once (a property expression in parallel
 * branches), so a slot holds one immutable entry: a reader sees an argument with its own result or
 * not at all. The counters are racy on purpose; they only decide when to stop looking.
 */
final class DecimalMemo {

  private static final int SIZE = 64;
  private static final int SAMPLE = 20_000;

  private record Entry(Object argument, BigDecimal result) {}

  private final Entry[] entries = new Entry[SIZE];
  private int lookups;
  private int hits;
  private boolean enabled = true;

  /** The result remembered for {@code argument}, or null. */
  BigDecimal find(Object argument) {
    if (!enabled) {
      return null;
    }
    if (lookups < SAMPLE && ++lookups == SAMPLE) {
      enabled = hits * 2 >= SAMPLE;
    }
    Entry entry = entries[argument.hashCode() & (SIZE - 1)];
    if (entry != null && (entry.argument == argument || argument.equals(entry.argument))) {
      hits++;
      return entry.result;
    }
    return null;
  }

  void put(Object argument, BigDecimal result) {
    if (enabled) {
      entries[argument.hashCode() & (SIZE - 1)] = new Entry(argument, result);
    }
  }
}
