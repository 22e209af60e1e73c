package io.sluice.catalog.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides through a catalog failover: every unit of catalog work done through the {@link Jdbi} of a
 * {@link CatalogDatabase} that fails because the catalog is unreachable or read-only (see {@link
 * FailoverErrors}) is run again, whole, on a new connection, with jittered backoff, until a primary
 * answers or {@link #timeout()} has passed since the unit first failed; then it fails as before.
 *
 * <p>Design: the one place every catalog call passes is Jdbi, so the retry lives there, in its two
 * hooks. {@link #openConnection} (Jdbi's connection factory) waits for a connection when none can
 * be had; the {@link HandleCallbackDecorator} runs a whole {@code withHandle}/{@code inTransaction}
 * callback again on a fresh handle when it fails midway. A transaction is therefore retried as a
 * whole, never from its middle (the failed one was rolled back with its connection), and a unit
 * nested in another is left to the outer one. The one failure not retried is a COMMIT that broke on
 * the way: it may have been applied, and doing it again could do it twice. A single statement run
 * outside a transaction that broke while it ran may likewise have been applied; the master's are
 * idempotent (heartbeats, renewals, reads, updates conditional on the row's state), and a create
 * that was in fact applied answers "already exists" when repeated.
 *
 * <p>The pool must not hand out the dead connections again: HikariCP evicts a connection on the
 * connection-class errors itself, and on a read-only error the whole pool is soft-evicted, since
 * every connection goes to the same demoted server; the driver's {@code targetServerType=primary}
 * then finds the new primary for the new connections.
 *
 * <p>Retry is off (timeout zero) until someone asks for it: a master does, the command line does
 * not (a user rather sees the error at once).
 */
public final class CatalogFailover implements ConnectionFactory, HandleCallbackDecorator {

  private static final Logger log = LoggerFactory.getLogger(CatalogFailover.class);
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  /** Why the catalog is not usable now, and since when (this process's view). */
  public record Outage(Instant since, String reason, boolean readOnly) {}

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final AtomicReference<Outage> outage = new AtomicReference<>();
  private volatile Duration timeout = Duration.ZERO;

  /** The deadline of the unit running on this thread: nested units leave retrying to it. */
  private final ThreadLocal<Long> unitDeadlineNanos = new ThreadLocal<>();

  /** When {@link #openConnection} first failed, for the unit about to run on this connection. */
  private final ThreadLocal<Long> waitingSinceNanos = new ThreadLocal<>();

  CatalogFailover(HikariDataSource pool) {
    this.pool = pool;
    this.jdbi = Jdbi.create(this);
    jdbi.setHandleCallbackDecorator(this);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Retries catalog work for up to {@code timeout} when the catalog is unreachable or read-only;
   * zero turns retrying off.
   */
  public void retryFor(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("the failover timeout must be zero or more");
    }
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether {@code e} came from the catalog being unreachable or read-only (what a failover
   * causes), as opposed to a mistake in the request.
   */
  public static boolean isCatalogUnreachable(Throwable e) {
    return FailoverErrors.isFailover(e);
  }

  /**
   * The outage seen by the last catalog call, if it failed with a failover error and nothing has
   * succeeded since; empty while the catalog answers.
   */
  public Optional<Outage> outage() {
    return Optional.ofNullable(outage.get());
  }

  /** Jdbi's connection factory: a pooled connection, waiting for one while the catalog is away. */
  @Override
  public Connection openConnection() throws SQLException {
    waitingSinceNanos.remove();
    if (timeout.isZero()) {
      return pool.getConnection();
    }
    long start = System.nanoTime();
    Long unitDeadline = unitDeadlineNanos.get();
    long deadline = unitDeadline != null ? unitDeadline : start + timeout.toNanos();
    long backoff = FIRST_BACKOFF_MILLIS;
    while (true) {
      try {
        return pool.getConnection();
      } catch (SQLException e) {
        if (!FailoverErrors.isFailover(e)) {
          throw e;
        }
        noteOutage(e);
        if (!sleepBefore(deadline, backoff)) {
          throw e;
        }
        waitingSinceNanos.set(start);
        backoff = nextBackoff(backoff);
      }
    }
  }

  @Override
  public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> unit) {
    return handle -> {
      if (timeout.isZero() || unitDeadlineNanos.get() != null) {
        return unit.withHandle(handle);
      }
      Long waitingSince = waitingSinceNanos.get();
      waitingSinceNanos.remove();
      long deadline = (waitingSince != null ? waitingSince : System.nanoTime()) + timeout.toNanos();
      unitDeadlineNanos.set(deadline);
      try {
        return runRetrying(unit, handle, deadline);
      } finally {
        unitDeadlineNanos.remove();
      }
    };
  }

  private <R, X extends Exception> R runRetrying(
      HandleCallback<R, X> unit, Handle first, long deadline) throws X {
    Handle handle = first;
    long backoff = FIRST_BACKOFF_MILLIS;
    try {
      while (true) {
        try {
          R result = unit.withHandle(handle);
          recovered();
          return result;
        } catch (Exception e) {
          if (!FailoverErrors.isFailover(e)) {
            throw e;
          }
          noteOutage(e);
          if (FailoverErrors.isCommitOutcomeUnknown(e)) {
            log.warn(
                "the catalog connection broke during a commit; not retrying, since the commit may"
                    + " have been applied: {}",
                FailoverErrors.describe(e));
            throw e;
          }
          if (FailoverErrors.isReadOnly(e)) {
            evictEveryConnection();
          }
          if (!sleepBefore(deadline, backoff)) {
            throw e;
          }
          backoff = nextBackoff(backoff);
          closeQuietly(handle, first);
          handle = null;
          handle = jdbi.open(); // waits for a connection, up to this unit's deadline
          // Units nested in this one must use the new handle, not the broken one.
          jdbi.getHandleScope().set(handle);
        }
      }
    } finally {
      if (handle != first) {
        closeQuietly(handle, first);
        jdbi.getHandleScope().set(first);
      }
    }
  }

  private void noteOutage(Exception e) {
    Outage now =
        new Outage(Instant.now(), FailoverErrors.describe(e), FailoverErrors.isReadOnly(e));
    Outage before = outage.getAndUpdate(o -> o == null ? now : o);
    if (before == null) {
      log.warn(
          "the catalog is {}: {}; retrying catalog work for up to {} s",
          now.readOnly() ? "read-only" : "unreachable",
          now.reason(),
          timeout.toSeconds());
    }
  }

  private void recovered() {
    Outage before = outage.getAndSet(null);
    if (before != null) {
      log.info(
          "the catalog answers again ({} ms after it failed: {})",
          Duration.between(before.since(), Instant.now()).toMillis(),
          before.reason());
    }
  }

  private void evictEveryConnection() {
    HikariPoolMXBean mx = pool.getHikariPoolMXBean();
    if (mx != null) {
      mx.softEvictConnections();
    }
  }

  /** Sleeps a jittered backoff unless that would pass the deadline; false when time is up. */
  private static boolean sleepBefore(long deadlineNanos, long backoffMillis) {
    long sleep = backoffMillis / 2 + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1);
    if (System.nanoTime() + sleep * 1_000_000 > deadlineNanos) {
      return false;
    }
    try {
      Thread.sleep(sleep);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long nextBackoff(long backoffMillis) {
    return Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
  }

  private static void closeQuietly(Handle handle, Handle first) {
    if (handle == null || handle == first) {
      return; // Jdbi closes the first handle itself
    }
    try {
      handle.close();
    } catch (RuntimeException e) {
      log.debug("closing a broken catalog handle: {}", e.getMessage());
    }
  }
}
