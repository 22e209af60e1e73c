package io.sluice.catalog.retention;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the day partitions of the log tables (event messages, operation messages, statistics) made
 * ahead of time. The work is in the SQL functions of migration V20; this decides when to call them.
 *
 * <p>Days are UTC days. Partitions exist from yesterday (a catalog that was down over midnight may
 * still get yesterday's messages) to {@value #DAYS_AHEAD} days ahead, so a catalog opened at least
 * once a week never writes into the DEFAULT partition.
 */
public final class LogPartitions {

  static final int DAYS_AHEAD = 7;

  private static final Logger log = LoggerFactory.getLogger(LogPartitions.class);

  private final Jdbi jdbi;
  // Creating partitions is cheap but not free (a lock and a catalog lookup per table and day): once
  // a day per process is enough.
  private final AtomicReference<LocalDate> ensuredOn = new AtomicReference<>();

  public LogPartitions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Makes the partitions from yesterday to a week ahead, unless done today already. */
  public void ensureAhead() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (today.equals(ensuredOn.get())) {
      return;
    }
    jdbi.useTransaction(handle -> ensure(handle, today.minusDays(1), today.plusDays(DAYS_AHEAD)));
    ensuredOn.set(today);
  }

  /**
   * As {@link #ensureAhead}, but only warns when it cannot (e.g. a user without DDL rights): the
   * DEFAULT partitions still take every row, and the next maintenance sorts them into their days.
   */
  public void ensureAheadOrWarn() {
    try {
      ensureAhead();
    } catch (RuntimeException e) {
      log.warn("cannot create the day partitions of the catalog logs ahead: {}", e.getMessage());
    }
  }

  /** Makes sure each log table has a partition for every UTC day in [first, last]. */
  public static int ensure(Handle handle, LocalDate first, LocalDate last) {
    return handle
        .createQuery("select ensure_log_partitions(:first, :last)")
        .bind("first", first)
        .bind("last", last)
        .mapTo(int.class)
        .one();
  }

  /** Drops the day partitions of whole UTC days before {@code cutoffDay}; returns how many. */
  public static int dropBefore(Handle handle, LocalDate cutoffDay) {
    return handle
        .createQuery("select drop_log_partitions_before(:cutoffDay)")
        .bind("cutoffDay", cutoffDay)
        .mapTo(int.class)
        .one();
  }
}
