package io.sluice.worker.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait after the n-th failure in a row: exponential from {@code base}, capped at {@code
 * cap}, with "equal jitter" (a random point in the upper half) so that many workers losing the same
 * master do not all hit the next one at the same instant. The cap is small (2 s by default) because
 * a master failover must be ridden through in seconds, well inside a task lease.
 */
public final class Backoff {

  public static final Duration DEFAULT_BASE = Duration.ofMillis(100);
  public static final Duration DEFAULT_CAP = Duration.ofSeconds(2);

  private final long baseMillis;
  private final long capMillis;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration cap, RandomGenerator random) {
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
    this.random = random;
  }

  public static Backoff standard() {
    return new Backoff(DEFAULT_BASE, DEFAULT_CAP, RandomGenerator.getDefault());
  }

  /** The wait after {@code failures} failures in a row (1 for the first). */
  public Duration delay(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 20);
    long ceiling = Math.min(capMillis, baseMillis << doublings);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /** The longest wait {@link #delay} can return, whatever the failure count. */
  public Duration cap() {
    return Duration.ofMillis(capMillis);
  }
}
