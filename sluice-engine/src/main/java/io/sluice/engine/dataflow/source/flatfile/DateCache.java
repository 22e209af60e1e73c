package io.sluice.engine.dataflow.source.flatfile;

import java.time.LocalDate;

/**
 * The dates of one column, by year, month and day: a plain array indexed by those numbers over a
 * window of {@link #YEARS} years around the first date seen, so a lookup is one multiply-add and
 * one load from an array of some 50 KB, whose few hot lines stay in the CPU's caches.
 *
 * <p>Why not the {@link ValueCache} every other cached column uses: a date column holds thousands
 * of distinct days, the hashed table must grow to 512 KB of keys to keep them, and its random
 * probes then miss the CPU caches: with the benchmark's three date columns, a fifth of the flat
 * file source's CPU samples landed in the probe's key compare (async-profiler), and the source
 * thread's CPU per row fell 15% with this array. Here the key is computed from the digits the
 * parser reads anyway, and nothing needs comparing.
 *
 * <p>Slots are month * 31 + day, so impossible days (February 30) have slots too; they stay empty,
 * as {@link LocalDate#of} refuses them before anything is stored.
 */
final class DateCache {

  static final int YEARS = 32;
  private static final int SLOTS_PER_YEAR = 12 * 31;

  private final LocalDate[] dates = new LocalDate[YEARS * SLOTS_PER_YEAR];
  private int firstYear = Integer.MIN_VALUE;

  /**
   * The date of these numbers, the same object each time.
   *
   * @throws java.time.DateTimeException as {@link LocalDate#of} for a day that does not exist
   */
  LocalDate get(int year, int month, int day) {
    if (firstYear == Integer.MIN_VALUE) {
      firstYear = year - YEARS / 2;
    }
    int y = year - firstYear;
    if (y < 0 || y >= YEARS || month < 1 || month > 12 || day < 1 || day > 31) {
      return LocalDate.of(year, month, day);
    }
    int slot = y * SLOTS_PER_YEAR + (month - 1) * 31 + (day - 1);
    LocalDate date = dates[slot];
    if (date == null) {
      date = LocalDate.of(year, month, day);
      dates[slot] = date;
    }
    return date;
  }
}
