package io.sluice.worker.lease;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the lease keepers of all running attempts: heartbeats on a pool sized for the slots (each
 * may block on a slow master), and one watchdog thread that only compares clocks, every {@value
 * #CHECK_MILLIS} ms, so a stop is never later than {@code s_last + L - M +} {@value #CHECK_MILLIS}
 * ms (the margin M, 2 s by default, covers it).
 */
public final class LeaseKeeping implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseKeeping.class);
  static final long CHECK_MILLIS = 25;

  private final ScheduledExecutorService heartbeats;
  private final ScheduledExecutorService watchdog;
  private final Set<LeaseKeeper> keepers = ConcurrentHashMap.newKeySet();

  public LeaseKeeping(int slots) {
    heartbeats = Executors.newScheduledThreadPool(Math.max(2, slots), daemon("sluice-lease-"));
    watchdog = Executors.newSingleThreadScheduledExecutor(daemon("sluice-lease-watchdog-"));
    watchdog.scheduleWithFixedDelay(
        this::checkAll, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts keeping {@code keeper}'s lease; close the handle when the attempt has ended. */
  public Handle keep(LeaseKeeper keeper) {
    keepers.add(keeper);
    long every = keeper.interval().toMillis();
    ScheduledFuture<?> beating =
        heartbeats.scheduleWithFixedDelay(
            () -> {
              try {
                keeper.heartbeat();
              } catch (RuntimeException | Error e) {
                log.error("task heartbeat of {} failed", keeper.attempt(), e);
              }
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
    return () -> {
      beating.cancel(false);
      keepers.remove(keeper);
    };
  }

  private void checkAll() {
    for (LeaseKeeper keeper : keepers) {
      try {
        if (keeper.check()) {
          keepers.remove(keeper);
        }
      } catch (RuntimeException | Error e) {
        log.error("lease check of {} failed", keeper.attempt(), e);
      }
    }
  }

  /** Stops keeping one lease. */
  public interface Handle extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    watchdog.shutdownNow();
  }

  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
