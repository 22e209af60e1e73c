package io.sluice.worker.dispatch;

import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.lease.Lease;
import io.sluice.worker.lease.LeaseKeeper;
import io.sluice.worker.lease.LeaseKeeping;
import io.sluice.worker.spool.AttemptSpool;
import io.sluice.worker.spool.SpoolFolder;
import io.sluice.worker.spool.SpoolSender;
import io.sluice.worker.spool.SpoolWriteException;
import io.sluice.worker.task.ParsedProjects;
import io.sluice.worker.task.StopReason;
import io.sluice.worker.task.TaskAttempt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts assigned attempts and tracks them: each gets a spool, a lease keeper and its own threads;
 * when it ends its slot is free again. Verdicts from any source (task heartbeat, event
 * acknowledgement, agent heartbeat's abort list) reach the attempt here.
 */
public final class TaskDispatcher implements SpoolSender.Verdicts {

  private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);

  /** A task heartbeat call; the master client's in production. */
  private final LeaseKeeper.Renewal renewal;

  private final WorkerSettings settings;
  private final LongSupplier nanoClock;
  private final SpoolFolder spoolFolder;
  private final SpoolSender sender;
  private final LeaseKeeping leases;
  private final ScheduledExecutorService timers;
  private final Map<RunningAttempt, TaskAttempt> running = new ConcurrentHashMap<>();
  private final Runnable slotFreed;
  private final ParsedProjects projects = new ParsedProjects(8);

  public TaskDispatcher(
      WorkerSettings settings,
      LongSupplier nanoClock,
      LeaseKeeper.Renewal renewal,
      SpoolFolder spoolFolder,
      SpoolSender sender,
      LeaseKeeping leases,
      ScheduledExecutorService timers,
      Runnable slotFreed) {
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.renewal = renewal;
    this.spoolFolder = spoolFolder;
    this.sender = sender;
    this.leases = leases;
    this.timers = timers;
    this.slotFreed = slotFreed;
  }

  public int freeSlots() {
    return Math.max(0, settings.maxTaskCount() - running.size());
  }

  public List<RunningAttempt> running() {
    return List.copyOf(running.keySet());
  }

  public Map<RunningAttempt, TaskAttempt> attempts() {
    return Map.copyOf(running);
  }

  /**
   * Starts one assigned attempt.
   *
   * @param pollSentAtNanos the monotonic time noted just before sending the poll that brought it:
   *     the master granted the first lease after that instant
   */
  public TaskAttempt start(TaskAssignment assignment, long pollSentAtNanos) {
    RunningAttempt id = new RunningAttempt(assignment.taskId(), assignment.attempt());
    AttemptSpool spool;
    SpoolWriteException spoolProblem = null;
    try {
      spool = spoolFolder.create(id, assignment.executionId());
    } catch (SpoolWriteException e) {
      spoolProblem = e;
      spool = spoolFolder.inMemory(id, assignment.executionId());
    }
    TaskAttempt task =
        new TaskAttempt(
            assignment, spool, settings.taskLogFolder(), timers, sender::wake, projects);
    sender.add(spool);
    Duration margin = settings.leaseSafetyMargin();
    Lease lease = new Lease(nanoClock, margin, pollSentAtNanos, assignment.leaseMillis());
    LeaseKeeper keeper =
        new LeaseKeeper(
            id,
            lease,
            renewal,
            settings.taskHeartbeatInterval(),
            assignment.leaseMillis(),
            margin,
            listener(task));
    running.put(id, task);
    if (spoolProblem != null) {
      task.cancel(
          StopReason.LOG_FAILURE, spoolProblem.getMessage() + " (" + spoolProblem.hint() + ")");
    }
    if (lease.timeLeft().compareTo(keeper.interval()) < 0) {
      // The poll was held long before the task came: the lease it granted (counted from before
      // the poll was sent) may be nearly over. Renew it before the package starts.
      keeper.heartbeat();
      keeper.check();
    }
    LeaseKeeping.Handle keeping = leases.keep(keeper);
    CompletableFuture<Void> delivery = spool.settled();
    task.finished()
        .whenComplete(
            (result, failure) -> {
              if (result == null) {
                keeping.close();
              } else {
                // Keep renewing the lease until a master has the result: a result whose delivery
                // is slowed (a master failing over) must not lose the race with the lease, or the
                // master would run the finished package again on another worker.
                delivery.whenComplete((delivered, dropped) -> keeping.close());
              }
              running.remove(id);
              log.info(
                  "task {} attempt {} of execution {} ended: {}",
                  id.taskId(),
                  id.attempt(),
                  assignment.executionId(),
                  result == null ? "aborted (no result)" : result.outcome());
              slotFreed.run();
            });
    log.info(
        "task {} attempt {}: execution {} {}/{}/{}",
        id.taskId(),
        id.attempt(),
        assignment.executionId(),
        assignment.folder(),
        assignment.project(),
        assignment.packageName());
    task.start();
    return task;
  }

  private LeaseKeeper.Listener listener(TaskAttempt task) {
    return new LeaseKeeper.Listener() {
      @Override
      public void stopRequested() {
        task.cancel(StopReason.STOP_REQUESTED, "an operator stopped the execution");
      }

      @Override
      public void aborted(String why) {
        task.cancel(StopReason.ABORTED, why);
      }

      @Override
      public void leaseLost(String why) {
        task.cancel(StopReason.LEASE_LOST, why);
      }
    };
  }

  @Override
  public void stopRequested(RunningAttempt attempt) {
    TaskAttempt task = running.get(attempt);
    if (task != null) {
      task.cancel(StopReason.STOP_REQUESTED, "an operator stopped the execution");
    }
  }

  @Override
  public void aborted(RunningAttempt attempt) {
    TaskAttempt task = running.get(attempt);
    if (task != null) {
      task.cancel(StopReason.ABORTED, "the master says this attempt is no longer current");
    }
  }

  /** Cancels every running attempt for {@code reason}. */
  public void cancelAll(StopReason reason, String message) {
    running.values().forEach(t -> t.cancel(reason, message));
  }
}
