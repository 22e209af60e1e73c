package io.sluice.worker.lease;

import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.Verdict;
import io.sluice.worker.client.MasterRefusedException;
import io.sluice.worker.client.MasterUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of one running attempt: sends its task heartbeats ({@link #heartbeat()}) and
 * watches the deadline ({@link #check()}). The two are driven separately (see {@link LeaseKeeping})
 * so that a heartbeat hanging on a dead master can never delay the stop.
 *
 * <ul>
 *   <li>ACCEPTED: the lease runs until {@code s + L}.
 *   <li>STOP (an operator stopped the execution): the lease is renewed as well, and the package is
 *       canceled gracefully; its result is reported as canceled.
 *   <li>ABORT (the attempt is no longer this worker's), or the master refuses this worker: the
 *       package is canceled at once and no result is reported for the attempt.
 *   <li>No renewal by {@code s_last + L - M}, whether or not a master can be reached: the package
 *       is canceled and what it runs is killed.
 * </ul>
 */
public final class LeaseKeeper {

  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  /** Sends one task heartbeat; {@code MasterClient::taskHeartbeat} in production. */
  @FunctionalInterface
  public interface Renewal {
    TaskHeartbeatReply renew(long taskId, TaskHeartbeat beat, Duration giveUpAfter);
  }

  /** What the task is told; each is called at most once. */
  public interface Listener {
    /** An operator asked to stop: cancel gracefully, report canceled. */
    void stopRequested();

    /** The attempt is not ours any more: cancel at once, report nothing. */
    void aborted(String why);

    /** No renewal in time: cancel at once and kill; report the failure if a master takes it. */
    void leaseLost(String why);
  }

  private final RunningAttempt attempt;
  private final Lease lease;
  private final Renewal renewal;
  private final Duration interval;
  private final Listener listener;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();

  public LeaseKeeper(
      RunningAttempt attempt,
      Lease lease,
      Renewal renewal,
      Duration configuredInterval,
      long leaseMillis,
      Duration margin,
      Listener listener) {
    this.attempt = attempt;
    this.lease = lease;
    this.renewal = renewal;
    this.interval = effectiveInterval(configuredInterval, leaseMillis, margin);
    this.listener = listener;
  }

  /**
   * The heartbeat interval actually used: the configured one, but never so long that fewer than
   * three heartbeats fit in {@code L - M} (one lost heartbeat must not cost the task).
   */
  public static Duration effectiveInterval(Duration configured, long leaseMillis, Duration margin) {
    long window = leaseMillis - margin.toMillis();
    if (window <= 0) {
      return Duration.ofMillis(Math.max(50, leaseMillis / 4));
    }
    return Duration.ofMillis(Math.max(50, Math.min(configured.toMillis(), window / 3)));
  }

  public RunningAttempt attempt() {
    return attempt;
  }

  public Lease lease() {
    return lease;
  }

  public Duration interval() {
    return interval;
  }

  /** True once the attempt was aborted or lost its lease: no more heartbeats. */
  public boolean ended() {
    return ended.get();
  }

  /**
   * Sends one heartbeat now and applies the answer. A master that cannot be reached is not an error
   * here: the lease simply is not renewed, and {@link #check()} stops the task in time.
   */
  public void heartbeat() {
    if (ended.get()) {
      return;
    }
    long sentAt = lease.beforeSending();
    TaskHeartbeatReply reply;
    try {
      reply = renewal.renew(attempt.taskId(), new TaskHeartbeat(attempt.attempt()), interval);
    } catch (MasterUnavailableException e) {
      log.debug("task {} heartbeat not renewed: {}", attempt, e.getMessage());
      return;
    } catch (MasterRefusedException e) {
      end(() -> listener.aborted("the master refused its heartbeat: " + e.getMessage()));
      return;
    }
    Verdict verdict = reply.verdict() == null ? Verdict.ABORT : reply.verdict();
    switch (verdict) {
      case ACCEPTED -> lease.renewed(sentAt, reply.leaseMillis());
      case STOP -> {
        if (reply.leaseMillis() > 0) {
          lease.renewed(sentAt, reply.leaseMillis());
        }
        if (stopRequested.compareAndSet(false, true)) {
          listener.stopRequested();
        }
      }
      case ABORT ->
          end(() -> listener.aborted("the master says attempt " + attempt.attempt() + " is stale"));
    }
  }

  /**
   * Stops the task if its lease ran out; returns true when it did (now or before). Cheap: called
   * every few tens of milliseconds by a thread that never waits on the network.
   */
  public boolean check() {
    if (ended.get()) {
      return true;
    }
    if (lease.mustStop()) {
      end(
          () ->
              listener.leaseLost(
                  "no master renewed the lease of task "
                      + attempt.taskId()
                      + " attempt "
                      + attempt.attempt()
                      + " in time; the worker stopped it before the master may retry it"));
      return true;
    }
    return false;
  }

  private void end(Runnable notify) {
    if (ended.compareAndSet(false, true)) {
      notify.run();
    }
  }
}
