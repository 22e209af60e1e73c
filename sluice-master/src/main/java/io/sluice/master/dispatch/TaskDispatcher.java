package io.sluice.master.dispatch;

import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.TaskAssignment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polls. A poll is answered at once when a task is there for the worker; otherwise it waits
 * until a task is queued ({@link #wake()}, driven by LISTEN/NOTIFY, so dispatch takes milliseconds)
 * or its wait runs out. One dispatcher thread picks the polls to try, in arrival order, and a few
 * assigner threads try them at once: a hand-out is a catalog round trip, and trying polls one after
 * another made that round trip the ceiling of a whole master's dispatch rate. Polls hold no HTTP
 * thread while they wait. Polls tried at once (and other masters) are kept apart by SKIP LOCKED: at
 * worst one of them finds nothing this time and waits for the next wake-up.
 *
 * <p>A slow re-check ({@code recheckInterval}) covers notifications missed while the listening
 * connection was down.
 *
 * <p>A poll whose worker has gone (its connection closed: the worker was killed or shut down) is
 * dropped instead of tried, and a claim is made only for polls still connected. If the answer still
 * cannot be sent, the tasks it carried are given back at once ({@link UndeliveredTasks}), instead
 * of sitting assigned to nobody until their leases run out.
 */
public final class TaskDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);
  private static final int ASSIGNER_THREADS = 4;

  private final TaskAssigner assigner;
  private final AssignmentBuilder builder;
  private final Consumer<Failed> onBuildFailure;
  private final Consumer<Undelivered> onUndelivered;
  private final long recheckMillis;
  private final Thread thread;
  private final ExecutorService assigners;
  private final List<Waiter> waiters = new ArrayList<>(); // guarded by this
  private boolean wakeAll; // guarded by this
  private boolean running = true; // guarded by this

  /** An attempt handed out that could not be prepared for its worker. */
  public record Failed(UUID workerId, TaskAssigner.Assigned assigned, RuntimeException error) {}

  /** Attempts handed out whose answer could not be sent: the worker never received them. */
  public record Undelivered(UUID workerId, List<TaskAssignment> tasks) {}

  private static final class Waiter {
    final UUID workerId;
    final int slots;
    final long deadline;
    final PollClient client;
    final CompletableFuture<Void> answered = new CompletableFuture<>();
    boolean fresh = true;
    boolean trying; // an assigner thread is handing out tasks to it: it must not expire meanwhile

    Waiter(UUID workerId, int slots, long deadline, PollClient client) {
      this.workerId = workerId;
      this.slots = slots;
      this.deadline = deadline;
      this.client = client;
    }

    /** Sends the answer; returns the tasks that did not reach the worker. */
    List<TaskAssignment> answer(List<TaskAssignment> tasks) {
      boolean delivered;
      try {
        delivered = client.deliver(new PollReply(tasks));
      } catch (RuntimeException e) {
        log.warn("cannot answer a poll of worker {}: {}", workerId, e.getMessage());
        delivered = false;
      } finally {
        answered.complete(null);
      }
      return delivered ? List.of() : tasks;
    }
  }

  public TaskDispatcher(
      TaskAssigner assigner,
      AssignmentBuilder builder,
      Duration recheckInterval,
      Consumer<Failed> onBuildFailure,
      Consumer<Undelivered> onUndelivered) {
    this.assigner = assigner;
    this.builder = builder;
    this.onBuildFailure = onBuildFailure;
    this.onUndelivered = onUndelivered;
    this.recheckMillis = recheckInterval.toMillis();
    AtomicInteger assignerNumber = new AtomicInteger();
    this.assigners =
        Executors.newFixedThreadPool(
            ASSIGNER_THREADS,
            r -> {
              Thread t = new Thread(r, "sluice-assigner-" + assignerNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::loop, "sluice-dispatcher");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Answers {@code client} with tasks for the worker as soon as there are any, or with none after
   * {@code wait}; the future completes once the answer was handed to {@code client}.
   */
  public CompletableFuture<Void> poll(UUID workerId, int slots, Duration wait, PollClient client) {
    Waiter waiter = new Waiter(workerId, slots, System.nanoTime() + wait.toNanos(), client);
    synchronized (this) {
      if (running) {
        waiters.add(waiter);
        notifyAll();
        return waiter.answered;
      }
    }
    waiter.answer(List.of());
    return waiter.answered;
  }

  /** Something was queued (or a worker enabled): every waiting poll tries again now. */
  public synchronized void wake() {
    wakeAll = true;
    notifyAll();
  }

  /** How many polls are waiting; for metrics. */
  public synchronized int waiting() {
    return waiters.size();
  }

  private void loop() {
    long nextRecheck = System.nanoTime() + recheckMillis * 1_000_000;
    while (true) {
      List<Waiter> expired = new ArrayList<>();
      List<Waiter> toTry = new ArrayList<>();
      boolean stopped;
      synchronized (this) {
        try {
          while (running && !wakeAll && waiters.stream().noneMatch(w -> w.fresh && !w.trying)) {
            long now = System.nanoTime();
            long until = nextRecheck;
            for (Waiter w : waiters) {
              if (!w.trying) {
                until = Math.min(until, w.deadline);
              }
            }
            if (until <= now) {
              break;
            }
            long millis = Math.max(1, (until - now) / 1_000_000);
            wait(millis);
          }
        } catch (InterruptedException e) {
          running = false;
        }
        stopped = !running;
        if (stopped) {
          // Answered below, outside the lock; the assigner answers those it is trying.
          waiters.stream().filter(w -> !w.trying).forEach(expired::add);
          waiters.clear();
          assigners.shutdown();
        }
        long now = System.nanoTime();
        if (wakeAll || now >= nextRecheck) {
          waiters.forEach(w -> w.fresh = true);
          wakeAll = false;
          nextRecheck = now + recheckMillis * 1_000_000;
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
          Waiter w = it.next();
          if (w.trying) {
            continue;
          }
          if (w.deadline <= now || !w.client.connected()) {
            expired.add(w); // a poll whose worker has gone is answered (to no one) and dropped
            it.remove();
          } else if (w.fresh) {
            w.fresh = false;
            w.trying = true;
            toTry.add(w);
          }
        }
      }
      expired.forEach(w -> w.answer(List.of()));
      if (stopped) {
        return;
      }
      // A worker's polls are tried together, one claim for all their slots: a wake-up then costs
      // one catalog round trip per waiting worker, not per waiting poll.
      Map<UUID, List<Waiter>> byWorker = new LinkedHashMap<>();
      for (Waiter w : toTry) {
        byWorker.computeIfAbsent(w.workerId, id -> new ArrayList<>()).add(w);
      }
      for (List<Waiter> polls : byWorker.values()) {
        assigners.execute(() -> tryWorker(polls));
      }
    }
  }

  /**
   * On an assigner thread: hands tasks to one worker's waiting polls, filling each in arrival order
   * up to its slots, and answers those that got any.
   */
  private void tryWorker(List<Waiter> tried) {
    // Checked just before the claim: a task is never claimed for a poll known to be gone.
    List<Waiter> polls = tried.stream().filter(w -> w.client.connected()).toList();
    int slots = polls.stream().mapToInt(w -> w.slots).sum();
    Iterator<TaskAssignment> tasks =
        slots == 0
            ? Collections.emptyIterator()
            : tryAssign(tried.get(0).workerId, slots).iterator();
    List<Waiter> answered = new ArrayList<>();
    List<List<TaskAssignment>> replies = new ArrayList<>();
    for (Waiter w : polls) {
      List<TaskAssignment> mine = new ArrayList<>();
      while (mine.size() < w.slots && tasks.hasNext()) {
        mine.add(tasks.next());
      }
      if (!mine.isEmpty()) {
        answered.add(w);
        replies.add(mine);
      }
    }
    for (Waiter w : tried) {
      if (!polls.contains(w)) {
        answered.add(w); // gone: answered (to no one) and dropped
        replies.add(List.of());
      }
    }
    synchronized (this) {
      for (Waiter w : tried) {
        w.trying = false;
        if (!running && !answered.contains(w)) {
          answered.add(w);
          replies.add(List.of());
        }
      }
      waiters.removeAll(answered);
      notifyAll(); // a wake-up that came meanwhile made them fresh again: the loop tries again
    }
    List<TaskAssignment> undelivered = new ArrayList<>();
    for (int i = 0; i < answered.size(); i++) {
      undelivered.addAll(answered.get(i).answer(replies.get(i)));
    }
    if (!undelivered.isEmpty()) {
      log.info(
          "worker {} went away while its poll waited: giving back {} task(s)",
          tried.get(0).workerId,
          undelivered.size());
      onUndelivered.accept(new Undelivered(tried.get(0).workerId, undelivered));
    }
  }

  private List<TaskAssignment> tryAssign(UUID workerId, int slots) {
    List<TaskAssigner.Assigned> assigned;
    try {
      assigned = assigner.assign(workerId, slots);
    } catch (RuntimeException e) {
      // The catalog is unreachable or failing over: the poll waits on, the re-check tries again.
      log.warn("cannot hand out tasks to worker {}: {}", workerId, e.getMessage());
      return List.of();
    }
    List<TaskAssignment> tasks = new ArrayList<>();
    for (TaskAssigner.Assigned a : assigned) {
      try {
        tasks.add(builder.build(a));
      } catch (RuntimeException e) {
        log.error("cannot prepare task {} for worker {}", a.taskId(), workerId, e);
        onBuildFailure.accept(new Failed(workerId, a, e));
      }
    }
    return tasks;
  }

  @Override
  public void close() {
    synchronized (this) {
      running = false;
      notifyAll();
    }
    try {
      thread.join(5_000);
      assigners.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
