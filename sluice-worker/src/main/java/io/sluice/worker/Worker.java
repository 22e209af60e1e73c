package io.sluice.worker;

import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.worker.client.MasterClient;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.dispatch.AgentLoop;
import io.sluice.worker.dispatch.TaskDispatcher;
import io.sluice.worker.lease.LeaseKeeping;
import io.sluice.worker.process.ChildProcessLedger;
import io.sluice.worker.spool.AttemptSpool;
import io.sluice.worker.spool.OwnerOnly;
import io.sluice.worker.spool.SpoolFolder;
import io.sluice.worker.spool.SpoolSender;
import io.sluice.worker.task.StopReason;
import io.sluice.worker.task.TaskAttempt;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sluice worker agent (SSIS's Scale Out Worker): registers with the masters, pulls tasks, runs up
 * to maxTaskCount packages at once, keeps their leases, and delivers their logs and results through
 * the on-disk execution log cache. {@code sluice worker --config worker.yaml} runs one.
 */
public final class Worker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(15);

  private final WorkerSettings settings;
  private final MasterClient client;
  private final SpoolFolder spoolFolder;
  private final SpoolSender sender;
  private final LeaseKeeping leases;
  private final ScheduledExecutorService timers;
  private final TaskDispatcher dispatcher;
  private final AgentLoop agent;
  private final ChildProcessLedger children;
  private volatile boolean closed;

  /**
   * Prepares a worker; checks its certificates and folders at once, so a wrong setting fails here
   * with a message and a hint rather than later in a log.
   */
  public Worker(WorkerSettings settings) {
    this(settings, System::nanoTime);
  }

  public Worker(WorkerSettings settings, LongSupplier nanoClock) {
    this.settings = settings;
    this.spoolFolder = SpoolFolder.open(settings.executionLogCacheFolder());
    try {
      OwnerOnly.createFolders(settings.taskLogFolder());
    } catch (java.io.IOException e) {
      throw new io.sluice.worker.spool.SpoolWriteException(
          "cannot create the task log folder " + settings.taskLogFolder() + ": " + e.getMessage(),
          "set taskLogFolder in worker.yaml to a folder this user can write",
          e);
    }
    this.client = new MasterClient(settings);
    this.timers = Executors.newScheduledThreadPool(2, daemon("sluice-task-timer-"));
    this.leases = new LeaseKeeping(settings.maxTaskCount());
    AgentLoop[] agentRef = new AgentLoop[1];
    this.sender =
        new SpoolSender(
            new SpoolSender.Transport() {
              @Override
              public Acknowledgement events(long taskId, EventBatch batch, Duration giveUpAfter) {
                return client.events(taskId, batch, giveUpAfter);
              }

              @Override
              public Acknowledgement result(long taskId, TaskResult result, Duration giveUpAfter) {
                return client.result(taskId, result, giveUpAfter);
              }
            },
            new SpoolSender.Verdicts() {
              @Override
              public void stopRequested(RunningAttempt attempt) {
                dispatcher().stopRequested(attempt);
              }

              @Override
              public void aborted(RunningAttempt attempt) {
                dispatcher().aborted(attempt);
              }
            },
            settings.logRetryCount(),
            settings.logRetryTimeout());
    this.dispatcher =
        new TaskDispatcher(
            settings,
            nanoClock,
            client::taskHeartbeat,
            spoolFolder,
            sender,
            leases,
            timers,
            () -> {
              if (agentRef[0] != null) {
                agentRef[0].wake();
              }
            });
    this.agent = new AgentLoop(settings, client, dispatcher, nanoClock);
    agentRef[0] = agent;
    this.children = new ChildProcessLedger(settings.executionLogCacheFolder());
  }

  private void recordChildren() {
    Duration interval = Duration.ofMillis(ChildProcessLedger.RECORD_INTERVAL_MILLIS);
    boolean longRunning =
        dispatcher.attempts().values().stream()
            .anyMatch(a -> a.runningFor().compareTo(interval) >= 0);
    if (!longRunning && !children.holdsProcesses()) {
      return; // nothing to record, and listing processes is not free
    }
    try {
      children.record();
    } catch (RuntimeException e) {
      log.warn("cannot record child processes: {}", e.getMessage());
    }
  }

  private TaskDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Kills processes a killed previous run left behind, delivers what it left in the cache, then
   * starts heartbeating and polling.
   */
  public void start() {
    int killed = children.killLeftovers();
    if (killed > 0) {
      log.warn(
          "killed {} process(es) that packages of a previous run of this worker had started",
          killed);
    }
    timers.scheduleWithFixedDelay(
        this::recordChildren,
        ChildProcessLedger.RECORD_INTERVAL_MILLIS,
        ChildProcessLedger.RECORD_INTERVAL_MILLIS,
        TimeUnit.MILLISECONDS);
    List<AttemptSpool> left = spoolFolder.recover();
    if (!left.isEmpty()) {
      log.info(
          "delivering the logs of {} attempt(s) left in {} by the previous run",
          left.size(),
          spoolFolder.path());
    }
    left.forEach(sender::add);
    sender.start();
    agent.start();
    log.info(
        "worker {} started: masters {}, up to {} tasks at once",
        settings.displayName(),
        settings.masters(),
        settings.maxTaskCount());
  }

  public boolean enabled() {
    return agent.enabled();
  }

  public UUID workerId() {
    return agent.workerId();
  }

  public List<RunningAttempt> running() {
    return dispatcher.running();
  }

  /** The master endpoint the worker's calls go to now (it changes on a failover). */
  public java.net.URI currentMaster() {
    return client.currentEndpoint();
  }

  /** Attempts whose logs or results are not delivered yet. */
  public int undelivered() {
    return sender.pending();
  }

  /**
   * Graceful shutdown: stop polling, let running tasks finish within the grace period, then cancel
   * them (reported FAILED, so the master retries them elsewhere while attempts remain), and wait a
   * little for their results to be delivered. Leases are kept the whole time.
   */
  public void shutdown() {
    if (closed) {
      return;
    }
    agent.stopPolling();
    List<TaskAttempt> attempts = List.copyOf(dispatcher.attempts().values());
    if (!attempts.isEmpty()) {
      log.info(
          "shutting down: waiting up to {} for {} running task(s)",
          settings.shutdownGracePeriod(),
          attempts.size());
      if (!await(attempts, settings.shutdownGracePeriod())) {
        dispatcher.cancelAll(
            StopReason.SHUTDOWN,
            "the worker shut down and its grace period of "
                + settings.shutdownGracePeriod()
                + " ran out");
        await(attempts, KILL_WAIT);
      }
    }
    try {
      if (!sender.awaitDelivered(DELIVERY_WAIT)) {
        log.warn(
            "shutting down with undelivered logs in {}; they are delivered when the worker starts"
                + " again",
            spoolFolder.path());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  private static boolean await(List<TaskAttempt> attempts, Duration timeout) {
    CompletableFuture<?> all =
        CompletableFuture.allOf(
            attempts.stream().map(TaskAttempt::finished).toArray(CompletableFuture[]::new));
    try {
      all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  /** Stops at once: no waiting for tasks (their leases run out; spools stay on disk). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Nothing may outlive the lease keeping that is about to stop.
    dispatcher.cancelAll(StopReason.WORKER_CLOSED, "the worker was closed");
    agent.close();
    sender.close();
    leases.close();
    timers.shutdownNow();
    client.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
