package io.sluice.worker.spool;

import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.worker.client.MasterRefusedException;
import io.sluice.worker.client.MasterUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers spooled batches and results to the masters: per attempt strictly in order (batch 1, 2,
 * ... then the result), attempts taken in turn so one slow attempt does not hold the others. While
 * no master can be reached everything waits on disk; the master client rides through failovers.
 *
 * <p>A batch a master <em>refuses</em> (4xx: not a failover, a real "no") is tried {@code
 * retryCount} more times and then dropped with a warning (SSIS's ExecutionLogRetryCount); spools
 * older than {@code retryTimeout} are dropped likewise (ExecutionLogRetryTimeout).
 */
public final class SpoolSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SpoolSender.class);
  private static final Duration GIVE_UP_PER_CALL = Duration.ofSeconds(5);
  private static final long IDLE_WAIT_MILLIS = 1_000;
  private static final long UNAVAILABLE_WAIT_MILLIS = 250;

  /** The calls the sender makes; the master client in production. */
  public interface Transport {
    Acknowledgement events(long taskId, EventBatch batch, Duration giveUpAfter);

    Acknowledgement result(long taskId, TaskResult result, Duration giveUpAfter);
  }

  /** Verdicts the sender hears about running attempts. */
  public interface Verdicts {
    void stopRequested(RunningAttempt attempt);

    void aborted(RunningAttempt attempt);
  }

  private final Transport transport;
  private final Verdicts verdicts;
  private final int retryCount;
  private final Duration retryTimeout;
  private final Set<AttemptSpool> spools = new LinkedHashSet<>(); // guarded by this
  private final Thread thread;
  private volatile boolean running = true;

  public SpoolSender(
      Transport transport, Verdicts verdicts, int retryCount, Duration retryTimeout) {
    this.transport = transport;
    this.verdicts = verdicts;
    this.retryCount = retryCount;
    this.retryTimeout = retryTimeout;
    this.thread = new Thread(this::loop, "sluice-spool-sender");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Starts delivering {@code spool}'s batches as they are appended. */
  public synchronized void add(AttemptSpool spool) {
    spools.add(spool);
    notifyAll();
  }

  /** Something new was appended: send it without waiting for the idle tick. */
  public synchronized void wake() {
    notifyAll();
  }

  /** Spools not yet fully delivered. */
  public synchronized int pending() {
    spools.removeIf(AttemptSpool::isDone);
    return spools.size();
  }

  /** Waits until every spool is delivered, or {@code timeout} passes; true if all were. */
  public boolean awaitDelivered(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (pending() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, Math.min(100, left / 1_000_000)));
      }
    }
    return true;
  }

  private void loop() {
    while (running) {
      boolean unavailable = false;
      boolean progressed = false;
      for (AttemptSpool spool : snapshot()) {
        try {
          progressed |= sendNext(spool);
        } catch (MasterUnavailableException e) {
          unavailable = true;
          break; // no master now: everything waits, on disk
        } catch (RuntimeException e) {
          log.error("cannot deliver the {}", spool, e);
        }
      }
      try {
        synchronized (this) {
          notifyAll(); // wakes awaitDelivered
          if (unavailable) {
            wait(UNAVAILABLE_WAIT_MILLIS);
          } else if (!progressed) {
            wait(IDLE_WAIT_MILLIS);
          }
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized List<AttemptSpool> snapshot() {
    spools.removeIf(AttemptSpool::isDone);
    return new ArrayList<>(spools);
  }

  /** Sends the next item of {@code spool}; true if something was delivered or dropped. */
  boolean sendNext(AttemptSpool spool) {
    if (System.currentTimeMillis() - spool.createdMillis() > retryTimeout.toMillis()) {
      log.warn(
          "dropping the undelivered logs of task {} attempt {}: older than logRetryTimeout {}",
          spool.attempt().taskId(),
          spool.attempt().attempt(),
          retryTimeout);
      spool.discard();
      return true;
    }
    Object next = spool.next();
    if (next == null) {
      return false;
    }
    RunningAttempt attempt = spool.attempt();
    try {
      TaskResult resultToo = next instanceof EventBatch b ? spool.resultAfter(b) : null;
      if (resultToo != null) {
        // The final batch rides with the result: one request (and one master transaction)
        // instead of two, for every attempt whose last batch was not sent before it ended.
        EventBatch batch = (EventBatch) next;
        transport.result(attempt.taskId(), resultToo.withFinalBatch(batch), GIVE_UP_PER_CALL);
        spool.acknowledged(batch.sequence());
        spool.resultAcknowledged(); // ABORT here only means a stale result: nothing to redo
      } else if (next instanceof EventBatch batch) {
        Verdict verdict = verdict(transport.events(attempt.taskId(), batch, GIVE_UP_PER_CALL));
        if (verdict == Verdict.ABORT) {
          spool.discard();
          verdicts.aborted(attempt);
        } else {
          spool.acknowledged(batch.sequence());
          if (verdict == Verdict.STOP) {
            verdicts.stopRequested(attempt);
          }
        }
      } else {
        transport.result(attempt.taskId(), (TaskResult) next, GIVE_UP_PER_CALL);
        spool.resultAcknowledged(); // ABORT here only means a stale result: nothing to redo
      }
      return true;
    } catch (MasterRefusedException e) {
      int refusals = spool.refused();
      if (refusals > retryCount) {
        log.warn(
            "dropping {} of task {} attempt {} after {} refusals: {}",
            next instanceof EventBatch b ? "event batch " + b.sequence() : "the result",
            attempt.taskId(),
            attempt.attempt(),
            refusals,
            e.getMessage());
        spool.dropHead();
        if (e.workerNotAccepted()) {
          verdicts.aborted(attempt);
        }
        return true;
      }
      return false;
    }
  }

  private static Verdict verdict(Acknowledgement ack) {
    return ack == null || ack.verdict() == null ? Verdict.ACCEPTED : ack.verdict();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
