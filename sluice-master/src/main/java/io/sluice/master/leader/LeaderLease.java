package io.sluice.master.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This master's part in the leader election: the lease row of migration V40, renewed every {@link
 * #duration()}/3 while held, tried every {@link #duration()}/3 while another master holds it.
 *
 * <p>Two clocks, each used where it cannot mislead. <b>Expiry is decided by the catalog's clock
 * ({@code now()})</b>: renewals set {@code expires_at = now() + L} and a new term starts only when
 * {@code expires_at <= now()}, all in one conditional UPDATE decided by its row count, so masters
 * whose wall clocks disagree (skew, NTP steps) still agree on whether the lease has run out; an
 * injected wall clock would let a master that runs ahead take the lease from a healthy leader.
 * <b>The holder's own deadline is counted on its monotonic clock</b> (injectable here, for tests):
 * it notes {@code s} just before sending a renewal and, once it succeeds, leads only until {@code s
 * + L - L/5} (the catalog set the expiry at or after {@code s}; the fifth of L covers clock-rate
 * drift and the time a job needs to notice). A master that cannot renew by then stops leader-only
 * work whatever the reason, even while its renewal is still stuck on a failing catalog; no other
 * master can have taken over before {@code expires_at}, so two leaders never work at once
 * (task-leases.md rules 1-3, applied to masters).
 *
 * <p>Each new term increments {@code epoch}, so a term is named by (holder, epoch): a renewal is
 * accepted only for the current term, and a master that lost its term can never renew it back.
 */
public final class LeaderLease implements AutoCloseable {

  /** The one lease the masters share (the row migration V40 inserts). */
  public static final String NAME = "master";

  private static final Logger log = LoggerFactory.getLogger(LeaderLease.class);

  /** A term of this master: its epoch, when it began (catalog clock), and its local deadline. */
  public record Term(long epoch, Instant acquiredAt, long deadlineNanos) {}

  private final Jdbi jdbi;
  private final String holder;
  private final Duration duration;
  private final LongSupplier monotonicNanos;
  private final ScheduledExecutorService renewer;
  private volatile Term term;
  private boolean reportedLeading; // only the renewal thread reads and writes it

  /**
   * @param holder this master's name, as in master_node
   * @param duration L: a term lasts this long after each renewal
   * @param monotonicNanos this master's monotonic clock ({@code System::nanoTime}; tests control
   *     it)
   */
  public LeaderLease(Jdbi jdbi, String holder, Duration duration, LongSupplier monotonicNanos) {
    if (duration.toMillis() < 30) {
      throw new IllegalArgumentException("a leader lease must last at least 30 ms");
    }
    this.jdbi = jdbi;
    this.holder = holder;
    this.duration = duration;
    this.monotonicNanos = monotonicNanos;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-leader-lease");
              t.setDaemon(true);
              return t;
            });
  }

  public LeaderLease(Jdbi jdbi, String holder, Duration duration) {
    this(jdbi, holder, duration, System::nanoTime);
  }

  /**
   * Tries once at once (so a lone master leads from its first moment), then keeps renewing or
   * trying every L/3 on a thread of its own, which no slow leader job can hold up.
   */
  public LeaderLease start() {
    renewOrAcquireQuietly();
    long every = Math.max(1, duration.toMillis() / 3);
    renewer.scheduleWithFixedDelay(
        this::renewOrAcquireQuietly, every, every, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * One round: renews this master's term if the catalog still has it, else starts a new term if the
   * lease has run out. Returns whether this master leads now.
   */
  public boolean renewOrAcquire() {
    long sentAt = monotonicNanos.getAsLong();
    Term current = term;
    if (current != null) {
      if (renew(current.epoch())) {
        term = new Term(current.epoch(), current.acquiredAt(), deadline(sentAt));
        return true;
      }
      term = null;
      log.warn(
          "master {} lost the leader lease (epoch {}): another master leads now, or the lease ran"
              + " out before it was renewed",
          holder,
          current.epoch());
    }
    Optional<Term> acquired = acquire(sentAt);
    acquired.ifPresent(
        t -> {
          term = t;
          log.info("master {} leads (epoch {})", holder, t.epoch());
        });
    return acquired.isPresent();
  }

  private void renewOrAcquireQuietly() {
    try {
      renewOrAcquire();
    } catch (RuntimeException e) {
      // The catalog is away: keep the term; its deadline ends leadership on time by itself.
      log.warn("master {} cannot reach the leader lease: {}", holder, e.getMessage());
    }
    boolean leading = isLeader();
    if (reportedLeading && !leading) {
      log.warn("master {} stopped leader-only work: its leader lease was not renewed", holder);
    }
    reportedLeading = leading;
  }

  /**
   * Whether this master leads at this moment: it holds a term and its local deadline has not
   * passed. Leader-only work asks before every round.
   */
  public boolean isLeader() {
    Term current = term;
    return current != null && monotonicNanos.getAsLong() - current.deadlineNanos() < 0;
  }

  /** The term this master holds, even if its local deadline has passed (then it does not lead). */
  public Optional<Term> term() {
    return Optional.ofNullable(term);
  }

  public String holder() {
    return holder;
  }

  public Duration duration() {
    return duration;
  }

  private long deadline(long sentAtNanos) {
    return sentAtNanos + duration.toNanos() - duration.toNanos() / 5;
  }

  private boolean renew(long epoch) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        """
                        update leader_lease
                        set expires_at = now() + :leaseMillis * interval '1 millisecond'
                        where name = :name and holder = :holder and epoch = :epoch
                          and expires_at > now()
                        """)
                    .bind("leaseMillis", duration.toMillis())
                    .bind("name", NAME)
                    .bind("holder", holder)
                    .bind("epoch", epoch)
                    .execute())
        == 1;
  }

  private Optional<Term> acquire(long sentAtNanos) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    update leader_lease
                    set holder = :holder, epoch = epoch + 1, acquired_at = now(),
                        expires_at = now() + :leaseMillis * interval '1 millisecond'
                    where name = :name and expires_at <= now()
                    returning epoch, acquired_at
                    """)
                .bind("holder", holder)
                .bind("leaseMillis", duration.toMillis())
                .bind("name", NAME)
                .map(
                    (rs, ctx) ->
                        new Term(
                            rs.getLong("epoch"),
                            rs.getTimestamp("acquired_at").toInstant(),
                            deadline(sentAtNanos)))
                .findOne());
  }

  /**
   * Stops renewing and, if this master holds the lease, ends its term in the catalog at once, so
   * another master takes over at its next try instead of after L.
   */
  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      // A round in flight could otherwise start a term after this hands it over.
      renewer.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Term current = term;
    term = null;
    if (current == null) {
      return;
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      """
                      update leader_lease set expires_at = now()
                      where name = :name and holder = :holder and epoch = :epoch
                      """)
                  .bind("name", NAME)
                  .bind("holder", holder)
                  .bind("epoch", current.epoch())
                  .execute());
      log.info("master {} handed over the leader lease (epoch {})", holder, current.epoch());
    } catch (RuntimeException e) {
      log.warn("master {} could not hand over the leader lease: {}", holder, e.getMessage());
    }
  }
}
