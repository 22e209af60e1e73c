package io.sluice.worker.lease;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The worker's own, conservative view of how long it may run one attempt (task-leases.md, rules 2
 * and 3). It counts on its monotonic clock only: the time {@code s} noted just before sending a
 * request the master answered with a lease L means the lease holds at least until {@code s + L};
 * the worker must have stopped the package by {@code s + L - M}.
 *
 * <p>Thread-safe; the clock is injected so the rules can be tested without sleeping.
 */
public final class Lease {

  private final LongSupplier nanoClock;
  private final long marginNanos;
  private long validUntilNanos; // guarded by this

  /**
   * A lease granted by a request sent at {@code sentAtNanos} (e.g. the poll that brought the task).
   */
  public Lease(LongSupplier nanoClock, Duration margin, long sentAtNanos, long leaseMillis) {
    this.nanoClock = nanoClock;
    this.marginNanos = margin.toNanos();
    this.validUntilNanos = sentAtNanos + Duration.ofMillis(leaseMillis).toNanos();
  }

  /** Note this just BEFORE sending a heartbeat; pass it to {@link #renewed} with the answer. */
  public long beforeSending() {
    return nanoClock.getAsLong();
  }

  /**
   * A master renewed the lease for {@code leaseMillis} in answer to a heartbeat sent at {@code
   * sentAtNanos}. An answer that arrives late (after a newer one) never shortens the lease.
   */
  public synchronized void renewed(long sentAtNanos, long leaseMillis) {
    long until = sentAtNanos + Duration.ofMillis(leaseMillis).toNanos();
    if (until - validUntilNanos > 0) {
      validUntilNanos = until;
    }
  }

  /** The monotonic time by which the package must have stopped: {@code s_last + L - M}. */
  public synchronized long stopAtNanos() {
    return validUntilNanos - marginNanos;
  }

  /** True once the worker must stop the package: no renewal came in time. */
  public boolean mustStop() {
    return nanoClock.getAsLong() - stopAtNanos() >= 0;
  }

  /** Time left before the package must stop (zero or negative once it must). */
  public Duration timeLeft() {
    return Duration.ofNanos(stopAtNanos() - nanoClock.getAsLong());
  }
}
