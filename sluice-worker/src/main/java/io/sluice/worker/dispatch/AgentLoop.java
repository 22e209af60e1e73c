package io.sluice.worker.dispatch;

import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.PollRequest;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.worker.client.MasterClient;
import io.sluice.worker.client.MasterException;
import io.sluice.worker.client.MasterRefusedException;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.task.StopReason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker agent's loops, each on its own thread so neither a slow poll nor a slow package delays
 * the other: the agent heartbeat (registers on first contact, learns whether the worker is enabled,
 * obeys abort lists) and the long polls for tasks (only while enabled and with free slots). Package
 * work never runs on these threads.
 *
 * <p>Several pollers share the free slots: each asks for the slots no poll in flight has asked for
 * yet, so a slot freed while a long poll waits is asked for at once by another poller instead of
 * waiting for that poll to come back. Polls in flight never ask for more slots than are free in
 * total, so no reply can bring more tasks than the worker may run.
 */
public final class AgentLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);
  private static final Duration POLL_GIVE_UP = Duration.ofSeconds(10);
  private static final int MAX_POLLERS = 4;

  private final WorkerSettings settings;
  private final MasterClient client;
  private final TaskDispatcher dispatcher;
  private final LongSupplier nanoClock;
  private final String machineName = machineName();
  private final Thread heartbeatThread;
  private final List<Thread> pollThreads = new ArrayList<>();
  private final Object signal = new Object();
  private int askedFor; // slots asked for by polls in flight; guarded by signal
  private volatile boolean running = true;
  private volatile boolean polling = true;
  private volatile boolean enabled;
  private volatile UUID workerId;
  private volatile String lastMessage;
  private volatile long lastAnswerNanos;
  private volatile boolean unhealthyReported;

  public AgentLoop(
      WorkerSettings settings,
      MasterClient client,
      TaskDispatcher dispatcher,
      LongSupplier nanoClock) {
    this.settings = settings;
    this.client = client;
    this.dispatcher = dispatcher;
    this.nanoClock = nanoClock;
    this.lastAnswerNanos = nanoClock.getAsLong();
    this.heartbeatThread = new Thread(this::heartbeatLoop, "sluice-agent-heartbeat");
    heartbeatThread.setDaemon(true);
    int pollers = Math.max(1, Math.min(MAX_POLLERS, settings.maxTaskCount()));
    for (int i = 1; i <= pollers; i++) {
      Thread poller = new Thread(this::pollLoop, "sluice-poll-" + i);
      poller.setDaemon(true);
      pollThreads.add(poller);
    }
  }

  public void start() {
    heartbeatThread.start();
    pollThreads.forEach(Thread::start);
  }

  public boolean enabled() {
    return enabled;
  }

  /** The id the master gave this worker; null until the first heartbeat is answered. */
  public UUID workerId() {
    return workerId;
  }

  /** A slot was freed or the state changed: poll again now. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Stops asking for tasks (the first step of a graceful shutdown); heartbeats go on. */
  public void stopPolling() {
    polling = false;
    pollThreads.forEach(Thread::interrupt);
    wake();
  }

  /** Sends one agent heartbeat now and applies the answer. */
  void heartbeatOnce() {
    AgentHeartbeat beat =
        new AgentHeartbeat(
            settings.displayName(),
            settings.description(),
            settings.tags(),
            machineName,
            settings.maxTaskCount(),
            dispatcher.running());
    try {
      AgentHeartbeatReply reply = client.heartbeat(beat, settings.agentHeartbeatInterval());
      lastAnswerNanos = nanoClock.getAsLong();
      unhealthyReported = false;
      boolean wasEnabled = enabled;
      workerId = reply.workerId();
      enabled = reply.enabled();
      if (!Objects.equals(reply.message(), lastMessage) || wasEnabled != enabled) {
        lastMessage = reply.message();
        log.info(
            "worker {} is {}{}",
            workerId,
            enabled ? "enabled" : "disabled: it runs no new task",
            reply.message() == null ? "" : " (" + reply.message() + ")");
      }
      if (reply.abort() != null) {
        for (RunningAttempt stale : reply.abort()) {
          dispatcher.aborted(stale);
        }
      }
      if (enabled && !wasEnabled) {
        wake();
      }
    } catch (MasterRefusedException e) {
      lastAnswerNanos = nanoClock.getAsLong();
      if (enabled || !e.getMessage().equals(lastMessage)) {
        log.error("{}; hint: {}", e.getMessage(), e.hint());
      }
      lastMessage = e.getMessage();
      enabled = false;
      if (e.workerNotAccepted()) {
        // A removed worker's tasks are canceled by the master; stop them here too, at once.
        dispatcher.cancelAll(StopReason.ABORTED, "the master no longer accepts this worker");
      }
    } catch (MasterException e) {
      Duration silent = Duration.ofNanos(nanoClock.getAsLong() - lastAnswerNanos);
      if (silent.compareTo(settings.heartbeatErrorTolerance()) > 0 && !unhealthyReported) {
        unhealthyReported = true;
        log.error(
            "no master has answered for {} (heartbeatErrorTolerance {}): {}; hint: {}",
            silent,
            settings.heartbeatErrorTolerance(),
            e.getMessage(),
            e.hint());
      }
    }
  }

  private void heartbeatLoop() {
    while (running) {
      try {
        heartbeatOnce();
      } catch (RuntimeException e) {
        log.error("agent heartbeat failed", e);
      }
      sleep(settings.agentHeartbeatInterval());
    }
  }

  private void pollLoop() {
    while (running && polling) {
      try {
        int ask;
        synchronized (signal) {
          ask = dispatcher.freeSlots() - askedFor;
          if (!enabled || ask <= 0) {
            signal.wait(1_000);
            continue;
          }
          askedFor += ask;
        }
        try {
          long sentAt = nanoClock.getAsLong();
          PollReply reply =
              client.poll(new PollRequest(ask, settings.pollWait().toMillis()), POLL_GIVE_UP);
          if (reply.tasks() != null) {
            for (TaskAssignment task : reply.tasks()) {
              dispatcher.start(task, sentAt);
            }
          }
        } finally {
          synchronized (signal) {
            askedFor -= ask; // the tasks it brought hold their slots now
            signal.notifyAll();
          }
        }
      } catch (InterruptedException e) {
        if (!running || !polling) {
          return;
        }
      } catch (MasterRefusedException e) {
        log.error("{}; hint: {}", e.getMessage(), e.hint());
        enabled = false;
      } catch (MasterException e) {
        // the client already waited and moved through the endpoints; simply poll again
      } catch (RuntimeException e) {
        log.error("poll failed", e);
        sleep(Duration.ofSeconds(1));
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    running = false;
    polling = false;
    heartbeatThread.interrupt();
    pollThreads.forEach(Thread::interrupt);
  }
}
