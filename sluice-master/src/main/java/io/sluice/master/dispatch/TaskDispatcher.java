package io.sluice.master.dispatch;

import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.TaskAssignment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>A task queued wakes only as many workers as it takes, not every waiting worker: the dispatcher
 * keeps the ids of the tasks notified and not yet seen claimed, and tries waiting workers in
 * arrival order until their free slots cover them. A worker whose claim, begun after the latest
 * notification, found nothing is not tried again for it; when no worker is left to try, the ids are
 * dropped (they are another master's, or no waiting worker may run them). The dispatch benchmark
 * had every queued task cost a claim per waiting worker, most of them empty.
 *
 * <p>A slow re-check ({@code recheckInterval}) covers notifications missed while the listening
 * connection was down, and anything the targeted wake-ups above might leave waiting.
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
  private static final int MAX_NOTIFIED = 10_000;
  private static final int RECENTLY_CLAIMED = 1_024;

  private final List<Waiter> waiters = new ArrayList<>(); // guarded by this
  private boolean wakeAll; // guarded by this
  // Tasks notified as queued that no claim of this master has returned yet; guarded by this.
  private final Set<Long> notified = new LinkedHashSet<>();
  // Counts notifications; a worker's entry says its claim begun at that count found nothing.
  private long notifications; // guarded by this
  private final Map<UUID, Long> foundNothingAt = new HashMap<>(); // guarded by this
  // Tasks claimed before their notification came, oldest first; guarded by this.
  private final Set<Long> recentlyClaimed = new LinkedHashSet<>();
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
    long triedAt; // the notification count when its claim began

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

  /**
   * Payloads of the queue channel: task ids wake just enough workers for them; anything else (a
   * worker enabled, or an empty list: notifications may have been missed) wakes every poll.
   */
  public synchronized void notified(List<String> payloads) {
    if (payloads.isEmpty()) {
      wake();
      return;
    }
    for (String payload : payloads) {
      try {
        long taskId = Long.parseLong(payload);
        if (!recentlyClaimed.contains(taskId)) {
          notified.add(taskId);
        }
      } catch (NumberFormatException notATask) {
        wakeAll = true;
      }
    }
    if (notified.size() > MAX_NOTIFIED) { // no poll has been waiting for a long while
      notified.clear();
      wakeAll = true;
    }
    notifications++;
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
          while (running
              && !wakeAll
              && waiters.stream().noneMatch(w -> w.fresh && !w.trying)
              && !canTryNotified()) {
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
          // Whether its worker is still connected is asked in tryWorker, just before a claim, on
          // an assigner thread: not here, under the lock, for every waiting poll at every wake-up.
          if (w.deadline <= now) {
            expired.add(w);
            it.remove();
          } else if (w.fresh) {
            w.fresh = false;
            w.trying = true;
            w.triedAt = notifications;
            toTry.add(w);
          }
        }
        pickForNotified(toTry);
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
   * Whether notified tasks are left that the claims under way may not cover, and a waiting worker
   * may still claim them. When none may and no claim is under way, the notified tasks are dropped:
   * they are another master's, or no waiting worker may run them (the re-check and the next polls
   * still look for them).
   */
  private boolean canTryNotified() {
    if (notified.isEmpty()) {
      return false;
    }
    boolean claiming = false;
    boolean candidate = false;
    for (Waiter w : waiters) {
      if (w.trying) {
        claiming = true;
      } else if (mayFindNotified(w.workerId)) {
        candidate = true;
      }
    }
    if (!claiming && !candidate) {
      notified.clear();
    }
    return candidate && slotsClaimingSinceLastNotification() < notified.size();
  }

  /** Free slots of the claims begun after the latest notification: they may take those tasks. */
  private int slotsClaimingSinceLastNotification() {
    int slots = 0;
    for (Waiter w : waiters) {
      if (w.trying && w.triedAt == notifications) {
        slots += w.slots;
      }
    }
    return slots;
  }

  private boolean mayFindNotified(UUID workerId) {
    Long emptyAt = foundNothingAt.get(workerId);
    return emptyAt == null || emptyAt != notifications;
  }

  /**
   * Adds to {@code toTry} the waiting polls of as many workers, in arrival order, as it takes for
   * their free slots (and those of the claims begun since the latest notification) to cover the
   * notified tasks.
   */
  private void pickForNotified(List<Waiter> toTry) {
    if (notified.isEmpty()) {
      return;
    }
    int covered = slotsClaimingSinceLastNotification(); // the fresh polls in toTry too
    Set<UUID> picked = new HashSet<>();
    for (Waiter w : waiters) {
      if (covered >= notified.size()) {
        break;
      }
      if (w.trying || !mayFindNotified(w.workerId) || !picked.add(w.workerId)) {
        continue;
      }
      for (Waiter same : waiters) {
        if (same.workerId.equals(w.workerId) && !same.trying) {
          same.fresh = false;
          same.trying = true;
          same.triedAt = notifications;
          toTry.add(same);
          covered += same.slots;
        }
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
    UUID workerId = tried.get(0).workerId;
    List<TaskAssigner.Assigned> claimed = slots == 0 ? List.of() : claim(workerId, slots);
    Iterator<TaskAssignment> tasks = build(workerId, claimed).iterator();
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
      if (slots > 0 && claimed.isEmpty()) {
        foundNothingAt.put(workerId, polls.get(0).triedAt);
      }
      for (TaskAssigner.Assigned a : claimed) {
        // A claim can see a task before its notification arrives: remember it, so the late
        // notification wakes nobody.
        if (!notified.remove(a.taskId())) {
          recentlyClaimed.add(a.taskId());
          if (recentlyClaimed.size() > RECENTLY_CLAIMED) {
            recentlyClaimed.remove(recentlyClaimed.iterator().next());
          }
        }
      }
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
          workerId,
          undelivered.size());
      onUndelivered.accept(new Undelivered(workerId, undelivered));
    }
  }

  private List<TaskAssigner.Assigned> claim(UUID workerId, int slots) {
    try {
      return assigner.assign(workerId, slots);
    } catch (RuntimeException e) {
      // The catalog is unreachable or failing over: the poll waits on, the re-check tries again.
      log.warn("cannot hand out tasks to worker {}: {}", workerId, e.getMessage());
      return List.of();
    }
  }

  private List<TaskAssignment> build(UUID workerId, List<TaskAssigner.Assigned> assigned) {
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
