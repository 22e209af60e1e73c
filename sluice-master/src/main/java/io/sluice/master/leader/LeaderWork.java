package io.sluice.master.leader;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master's periodic housekeeping: jobs every master runs (its own heartbeat), and jobs only the
 * leader runs (expiring lost tasks, timeouts, cleanups), each skipped in any round in which this
 * master does not lead. The question is asked before every round, so a master that loses or cannot
 * renew the lease starts no further leader work from that moment.
 */
public final class LeaderWork implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaderWork.class);

  private final BooleanSupplier leads;
  // Two threads: a long cleanup must not hold up the once-a-second expiry check.
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "sluice-housekeeping");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param leads whether this master leads now ({@link LeaderLease#isLeader})
   */
  public LeaderWork(BooleanSupplier leads) {
    this.leads = leads;
  }

  /** Runs {@code work} every {@code interval} on every master. */
  public void onEveryMaster(Duration interval, String what, Runnable work) {
    schedule(interval, what, work, false);
  }

  /** Runs {@code work} every {@code interval} while this master leads. */
  public void onLeader(Duration interval, String what, Runnable work) {
    schedule(interval, what, work, true);
  }

  private void schedule(Duration interval, String what, Runnable work, boolean leaderOnly) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (leaderOnly && !leads.getAsBoolean()) {
            return;
          }
          try {
            work.run();
          } catch (RuntimeException e) {
            // The catalog may be failing over: the next round tries again.
            log.warn("{} failed: {}", what, e.getMessage());
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
