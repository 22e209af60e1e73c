package io.sluice.master.serverexecution;

import io.sluice.engine.runtime.CancellationToken;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases this master holds on the server-mode executions it runs (columns of migration V43), so
 * that an execution whose master died is ended by the leader instead of staying 2 running forever.
 * The rules of a Scale Out task's lease (task-leases.md), with this master in the worker's place:
 *
 * <ul>
 *   <li>The claim sets {@code expires_at = now() + L}; every {@code L/5} one statement renews all
 *       of this master's runs to {@code now() + L}, only while the catalog still names this master
 *       and the lease has not run out, decided by the rows it returns. Times are the catalog's.
 *   <li>This master counts on its own monotonic clock (injectable, for tests): it notes {@code s}
 *       just before sending a renewal and, once it succeeds, may run until {@code s + L - L/5}. A
 *       run that had no renewal by then is stopped (its package canceled) on a thread that never
 *       waits for the catalog, whatever keeps the renewal from succeeding.
 *   <li>The leader ends an execution as lost only at {@code now() > expires_at + G} (the master's
 *       {@code grace}), after this master has stopped it ({@code
 *       io.sluice.master.lease.ExpiredServerExecutions}), so the run and the ending never overlap.
 *   <li>A renewal the catalog refuses (the lease ran out and was taken over, or the execution was
 *       ended elsewhere) stops the run at once.
 * </ul>
 *
 * <p>Why a run was stopped is said from what this master saw between its last renewal and its
 * deadline: renewals sent in that time that failed (the catalog did not answer) or are still
 * waiting (the catalog is slow to answer), or no renewal sent at all: then this master itself did
 * not run (a SIGSTOP, a long garbage-collection pause, a starved machine), which is not the
 * catalog's doing and must not be reported as if it were.
 */
public final class ServerExecutionLeases implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServerExecutionLeases.class);

  private static final String RENEW =
      """
      update execution
      set server_lease_expires_at = now() + :leaseMillis * interval '1 millisecond'
      where execution_id = any(:ids) and server_lease_holder = :holder and status in (2, 8)
        and server_lease_expires_at > now()
      returning execution_id
      """;

  /**
   * One run this master holds a lease on: stopped through its cancellation when the lease is lost.
   */
  public final class Held {
    private final long executionId;
    private final CancellationToken cancellation = new CancellationToken();
    // Sent time of the last renewal (or claim) the catalog accepted, and the deadline it gives.
    private volatile long renewedNanos;
    private volatile long deadlineNanos;
    // Since then: when the first renewal was sent in time (0: none was), and why the latest
    // failed (null: none failed, or it is still waiting for the catalog).
    private volatile long triedNanos;
    private volatile String failure;
    private volatile String lost;

    private Held(long executionId, long renewedNanos) {
      this.executionId = executionId;
      renewed(renewedNanos);
    }

    private void renewed(long sentAtNanos) {
      renewedNanos = sentAtNanos;
      deadlineNanos = deadline(sentAtNanos);
      triedNanos = 0;
      failure = null;
    }

    /** Notes a renewal sent at {@code sentAtNanos}, if it was sent before the deadline. */
    private void trying(long sentAtNanos) {
      if (sentAtNanos - deadlineNanos < 0 && triedNanos == 0) {
        triedNanos = sentAtNanos;
      }
    }

    /** Canceled when the lease is lost; the run's package watches it. */
    public CancellationToken cancellation() {
      return cancellation;
    }

    /** Why the lease was lost and the run stopped; null while it is held. */
    public String lostBecause() {
      return lost;
    }

    /** The run ended: stop renewing its lease. */
    public void release() {
      held.remove(executionId);
    }

    private void lose(String why) {
      if (lost == null) {
        lost = why;
        log.warn("stopping server execution {}: {}", executionId, why);
        cancellation.cancel();
      }
      held.remove(executionId);
    }
  }

  private final Jdbi jdbi;
  private final String holder;
  private final Duration duration;
  private final LongSupplier monotonicNanos;
  private final Map<Long, Held> held = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewer;
  private final ScheduledExecutorService watchdog;
  private volatile long lastCheckNanos;

  /**
   * @param holder this master's name, as in master_node
   * @param duration L: a lease lasts this long after each renewal
   * @param monotonicNanos this master's monotonic clock ({@code System::nanoTime}; tests control
   *     it)
   */
  public ServerExecutionLeases(
      Jdbi jdbi, String holder, Duration duration, LongSupplier monotonicNanos) {
    if (duration.toMillis() < 50) {
      throw new IllegalArgumentException("a server execution lease must last at least 50 ms");
    }
    this.jdbi = jdbi;
    this.holder = holder;
    this.duration = duration;
    this.monotonicNanos = monotonicNanos;
    this.renewer = daemon("sluice-server-execution-leases");
    this.watchdog = daemon("sluice-server-execution-deadlines");
    this.lastCheckNanos = monotonicNanos.getAsLong();
  }

  public ServerExecutionLeases(Jdbi jdbi, String holder, Duration duration) {
    this(jdbi, holder, duration, System::nanoTime);
  }

  /** Renews every L/5 and checks the runs' deadlines every L/20, each on a thread of its own. */
  public ServerExecutionLeases start() {
    long renewEvery = Math.max(1, duration.toMillis() / 5);
    renewer.scheduleWithFixedDelay(
        this::renewQuietly, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    long checkEvery = Math.max(1, duration.toMillis() / 20);
    watchdog.scheduleWithFixedDelay(
        this::stopOverdue, checkEvery, checkEvery, TimeUnit.MILLISECONDS);
    return this;
  }

  public String holder() {
    return holder;
  }

  public Duration duration() {
    return duration;
  }

  /** This master's monotonic time; note it just before sending the claim. */
  public long now() {
    return monotonicNanos.getAsLong();
  }

  /** Starts holding the lease the claim sent at {@code claimSentAtNanos} took on the execution. */
  public Held hold(long executionId, long claimSentAtNanos) {
    Held h = new Held(executionId, claimSentAtNanos);
    held.put(executionId, h);
    return h;
  }

  /** The runs this master holds a lease on now. */
  public Set<Long> held() {
    return Set.copyOf(held.keySet());
  }

  /**
   * One renewal round: every held lease the catalog renews gets a new local deadline; one it
   * refuses is lost at once. A failure (the catalog is away) changes nothing: the deadlines stop
   * the runs in time by themselves.
   */
  public void renew() {
    List<Held> runs = List.copyOf(held.values());
    if (runs.isEmpty()) {
      return;
    }
    long sentAt = monotonicNanos.getAsLong();
    // Noted before sending: a renewal that never returns still shows it was tried in time.
    runs.forEach(h -> h.trying(sentAt));
    Long[] ids = runs.stream().map(h -> h.executionId).toArray(Long[]::new);
    Set<Long> renewed;
    try {
      renewed =
          new HashSet<>(
              jdbi.withHandle(
                  handle ->
                      handle
                          .createQuery(RENEW)
                          .bind("ids", ids)
                          .bind("holder", holder)
                          .bind("leaseMillis", duration.toMillis())
                          .mapTo(Long.class)
                          .list()));
    } catch (RuntimeException e) {
      String why = databaseError(e);
      runs.stream().filter(h -> h.triedNanos != 0).forEach(h -> h.failure = why);
      throw e;
    }
    for (Held h : runs) {
      if (renewed.contains(h.executionId)) {
        h.renewed(sentAt);
      } else if (h.lost == null && held.containsKey(h.executionId)) {
        h.lose(refused(h, sentAt));
      }
    }
  }

  /** Why the catalog refused {@code h}'s renewal sent at {@code sentAt}. */
  private String refused(Held h, long sentAt) {
    if (h.triedNanos == 0) {
      // Sent after the deadline, and nothing was sent before it: this master did not run.
      return notRunning(sentAt - h.renewedNanos) + ", so its lease on the execution ran out";
    }
    if (h.failure != null) {
      return "master "
          + holder
          + " could not renew its lease on the execution before it ran out: the catalog did not"
          + " answer ("
          + h.failure
          + ")";
    }
    return "master "
        + holder
        + " lost its lease on the execution (the execution was ended or stopped elsewhere, or its"
        + " lease was taken as lost)";
  }

  /** Stops every run whose local deadline has passed without a renewal. */
  public void stopOverdue() {
    long now = monotonicNanos.getAsLong();
    // This check runs every L/20: a much longer gap means the whole master was stopped, even if a
    // renewal looks in flight (its answer may have come and waited for the master to run again).
    long sinceLastCheck = now - lastCheckNanos;
    lastCheckNanos = now;
    long stalled = sinceLastCheck > 2 * renewEveryNanos() ? sinceLastCheck : 0;
    for (Held h : List.copyOf(held.values())) {
      if (now - h.deadlineNanos >= 0) {
        h.lose(
            overdue(h, now, stalled)
                + ", so it stopped the run before another master could take it as lost");
      }
    }
  }

  /** Why no renewal of {@code h} succeeded before its deadline, seen at {@code now}. */
  private String overdue(Held h, long now, long stalledNanos) {
    if (h.triedNanos == 0) {
      return notRunning(now - h.renewedNanos);
    }
    if (h.failure == null && stalledNanos > 0) {
      return notRunning(stalledNanos);
    }
    String within =
        "master "
            + holder
            + " could not renew its lease on the execution within "
            + (duration.toMillis() - duration.toMillis() / 5)
            + " ms: ";
    if (h.failure != null) {
      return within + "the catalog did not answer (" + h.failure + ")";
    }
    return within
        + "the catalog has not answered the renewal sent "
        + seconds(now - h.triedNanos)
        + " ago";
  }

  /** This master's own threads did not run for {@code silentNanos}: it could not renew. */
  private String notRunning(long silentNanos) {
    return "master "
        + holder
        + " did not get to renew its lease on the execution for "
        + seconds(silentNanos)
        + " (a renewal is due every "
        + Math.max(1, duration.toMillis() / 5)
        + " ms): the master itself was not running (paused, e.g. SIGSTOP, or overloaded), not"
        + " the catalog";
  }

  /**
   * The database's own words for a failed renewal (the driver's SQLException, when there is one).
   */
  private static String databaseError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private void renewQuietly() {
    try {
      renew();
    } catch (RuntimeException e) {
      log.warn("master {} cannot renew its server execution leases: {}", holder, e.getMessage());
    }
  }

  private long renewEveryNanos() {
    return Math.max(1, duration.toMillis() / 5) * 1_000_000L;
  }

  private long deadline(long sentAtNanos) {
    return sentAtNanos + duration.toNanos() - duration.toNanos() / 5;
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops renewing; the runs still held keep their leases until they run out. */
  @Override
  public void close() {
    renewer.shutdownNow();
    watchdog.shutdownNow();
  }
}
