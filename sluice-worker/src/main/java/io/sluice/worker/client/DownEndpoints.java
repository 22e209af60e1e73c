package io.sluice.worker.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Which master endpoints refused or dropped a connection lately, and so which one to try next.
 * Moving on in list order alone sent a call whose only live master was slow straight back to the
 * master that had just died; here an endpoint nobody listens at is passed over for {@code memory}
 * while another is not known to be down.
 */
final class DownEndpoints {

  private static final long NEVER = Long.MIN_VALUE;

  private final AtomicLongArray refusedAtNanos;
  private final long memoryNanos;
  private final LongSupplier nanoClock;

  DownEndpoints(int endpoints, Duration memory, LongSupplier nanoClock) {
    this.refusedAtNanos = new AtomicLongArray(endpoints);
    for (int i = 0; i < endpoints; i++) {
      refusedAtNanos.set(i, NEVER);
    }
    this.memoryNanos = memory.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Nothing listened at endpoint {@code index} (refused, closed or reset). */
  void refused(int index) {
    refusedAtNanos.set(index, nanoClock.getAsLong());
  }

  /** Endpoint {@code index} answered: it is up. */
  void answered(int index) {
    refusedAtNanos.set(index, NEVER);
  }

  boolean isDown(int index) {
    long at = refusedAtNanos.get(index);
    return at != NEVER && nanoClock.getAsLong() - at < memoryNanos;
  }

  /**
   * The endpoint to try after {@code index} failed: the next in list order not known to be down; if
   * every other one is, {@code index} again when it only failed to answer in time (a slow master
   * beats a dead one), else simply the next (all are down: go round in order).
   */
  int next(int index) {
    int count = refusedAtNanos.length();
    for (int step = 1; step < count; step++) {
      int candidate = (index + step) % count;
      if (!isDown(candidate)) {
        return candidate;
      }
    }
    return isDown(index) ? (index + 1) % count : index;
  }
}
