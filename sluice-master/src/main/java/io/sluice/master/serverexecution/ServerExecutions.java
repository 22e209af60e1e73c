package io.sluice.master.serverexecution;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master's share of the server-mode executions (started without Scale Out): it claims pending
 * ones while it has free slots and runs each in a child process with {@link ServerExecutor}, so
 * {@code sluice execute --no-scale-out} needs no CLI process to stay up while a master runs. Every
 * claim is a {@code SKIP LOCKED} conditional update in the catalog, so with several masters (and a
 * CLI running one itself) each execution runs exactly once.
 *
 * <p>Woken at once by the catalog's notification on {@value #CHANNEL} (see the V42 migration); a
 * slow re-check covers notifications missed while the listening connection was down.
 */
public final class ServerExecutions implements AutoCloseable {

  /** The channel a started server-mode execution is announced on. */
  public static final String CHANNEL = "sluice_server_execution_pending";

  private static final Logger log = LoggerFactory.getLogger(ServerExecutions.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final ServerExecutor executor;
  private final ServerExecutionLeases leases;
  private final int slots;
  private final long recheckMillis;
  private final ExecutorService pool;
  private final Thread thread;
  private final Set<ServerExecutionLeases.Held> runs = ConcurrentHashMap.newKeySet();
  private int running; // guarded by this
  private boolean woken = true; // guarded by this; look once at start
  private boolean open = true; // guarded by this

  /**
   * @param leases this master's leases on what it runs (started here, closed by {@link #close})
   * @param slots how many it runs at once; 0 runs none (nothing is started)
   */
  public ServerExecutions(
      ServerExecutor executor, ServerExecutionLeases leases, int slots, Duration recheckInterval) {
    this.executor = executor;
    this.leases = leases;
    this.slots = slots;
    this.recheckMillis = recheckInterval.toMillis();
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, slots),
            r -> {
              Thread t = new Thread(r, "sluice-server-execution-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::loop, "sluice-server-executions");
    thread.setDaemon(true);
    if (slots > 0) {
      leases.start();
      thread.start();
    }
  }

  /** A server-mode execution was started somewhere: look for it now. */
  public synchronized void wake() {
    woken = true;
    notifyAll();
  }

  /** How many this master runs now. */
  public synchronized int running() {
    return running;
  }

  private void loop() {
    while (true) {
      int free;
      synchronized (this) {
        long recheckAt = System.nanoTime() + recheckMillis * 1_000_000;
        try {
          // Claim when a slot is free and something was started, or the re-check is due.
          while (open && !(running < slots && (woken || System.nanoTime() >= recheckAt))) {
            long left = Math.max(1, (recheckAt - System.nanoTime()) / 1_000_000);
            wait(running < slots ? left : recheckMillis); // full: a finishing run notifies
          }
        } catch (InterruptedException e) {
          return;
        }
        if (!open) {
          return;
        }
        woken = false;
        free = slots - running;
      }
      List<Long> claimed;
      long claimSentAt = leases.now();
      try {
        claimed = executor.claimPending(free, leases.holder(), leases.duration());
      } catch (RuntimeException e) {
        // The catalog is unreachable or failing over: the re-check tries again.
        log.warn("cannot look for pending server executions: {}", e.getMessage());
        continue;
      }
      synchronized (this) {
        running += claimed.size();
        if (claimed.size() == free) {
          woken = true; // there may be more: look again as soon as a slot is free
        }
      }
      for (long id : claimed) {
        ServerExecutionLeases.Held lease = leases.hold(id, claimSentAt);
        pool.execute(() -> runOne(id, lease));
      }
    }
  }

  private void runOne(long executionId, ServerExecutionLeases.Held lease) {
    runs.add(lease);
    try {
      log.info("running server execution {} for this master", executionId);
      executor.runClaimed(executionId, lease);
    } catch (RuntimeException e) {
      log.error("server execution {} failed to run", executionId, e);
    } finally {
      runs.remove(lease);
      synchronized (this) {
        running--;
        notifyAll();
      }
    }
  }

  /**
   * Stops claiming; running executions get 10 s to end, then their packages are canceled (they end
   * 3 canceled): each child is told to stop and killed if it has not within its stop grace.
   */
  @Override
  public void close() {
    synchronized (this) {
      open = false;
      notifyAll();
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        runs.forEach(run -> run.cancellation().cancel());
      }
      if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      leases.close(); // only now: the runs ending above were still renewing
    }
  }
}
