package io.sluice.cli.bench;

import io.sluice.catalog.operation.OperationStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The three failures bench/chaos causes, each timed from the moment it happens to the moment the
 * cluster has healed, by what the catalog and the ledger show (every time is this machine's clock:
 * the JVM's and PostgreSQL's {@code now()} read the same clock).
 */
final class Failures {

  /** How long a measurement may wait before it is recorded as this long (and reported). */
  static final Duration GIVE_UP = Duration.ofSeconds(60);

  private static final String WORKERS_LAST_ONLINE =
      "select display_name, last_online_time from worker_agent where last_online_time is not null";

  private static final String RUNNING_ON_WORKER =
      """
      select t.execution_id, t.attempt from scale_out_task t
      join worker_agent w on w.worker_agent_id = t.worker_agent_id
      where w.display_name = :worker and t.status = 'RUNNING'
      """;

  private static final String EXECUTION_STATUS =
      "select status from execution where execution_id = :execution";

  private static final String NEXT_ATTEMPT_STARTED =
      "select min(started) from attempt_ledger where execution_id = :execution and attempt > :attempt";

  private final ChaosCluster cluster;
  private final ChaosCluster.Log log;
  private final Map<String, List<Instant>> workerKills = new HashMap<>();

  Failures(ChaosCluster cluster, ChaosCluster.Log log) {
    this.cluster = cluster;
    this.log = log;
  }

  /**
   * kill -9 of master {@code index}; the time until every worker served before it has been served
   * again, seen as its first agent heartbeat stored after the kill (workers beat every second here,
   * so the figure includes up to one heartbeat interval). Then starts the master again.
   */
  long killMaster(int index) {
    SluiceProcess master = cluster.masters().get(index);
    List<String> live = servedWorkers();
    Instant killed = Instant.now();
    master.kill();
    Map<String, Instant> served = new HashMap<>();
    long millis =
        waitFor(
            () -> {
              for (Map.Entry<String, Instant> online : lastOnline().entrySet()) {
                if (live.contains(online.getKey()) && online.getValue().isAfter(killed)) {
                  served.putIfAbsent(online.getKey(), online.getValue());
                }
              }
              return served.keySet().containsAll(live);
            },
            killed);
    // -1 when no worker was being served at the kill (nothing to measure).
    long measured =
        live.isEmpty()
            ? -1
            : served.values().stream()
                .mapToLong(t -> Duration.between(killed, t).toMillis())
                .max()
                .orElse(millis);
    log.line(
        "killed "
            + master.name()
            + ": workers "
            + live
            + " served again after "
            + measured
            + " ms");
    master.start();
    cluster.awaitReady(index, Duration.ofSeconds(120));
    return measured;
  }

  /**
   * kill -9 of a worker; for each task it was running, the time until the task's next attempt
   * started elsewhere (by the ledger). The worker is started again only afterwards, so what is
   * measured is the lease expiring, not the worker coming back and giving up its tasks.
   */
  List<Long> killWorker(int index) {
    SluiceProcess worker = cluster.workers().get(index);
    List<long[]> running =
        retrying(
            () ->
                cluster
                    .catalogJdbi()
                    .withHandle(
                        h ->
                            h.createQuery(RUNNING_ON_WORKER)
                                .bind("worker", worker.name())
                                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                                .list()));
    Instant killed = Instant.now();
    worker.kill();
    workerKills.computeIfAbsent(worker.name(), name -> new ArrayList<>()).add(killed);
    List<Long> retries = new ArrayList<>();
    int reported = 0;
    for (long[] task : running) {
      Instant[] next = new Instant[1];
      boolean[] ended = new boolean[1];
      waitFor(
          () -> {
            next[0] = nextAttemptStarted(task[0], task[1]).orElse(null);
            // Its result reached a master just before the kill: nothing will run again.
            ended[0] = next[0] == null && ended(task[0]);
            return next[0] != null || ended[0];
          },
          killed);
      if (next[0] != null) {
        retries.add(Duration.between(killed, next[0]).toMillis());
      } else if (ended[0]) {
        reported++;
      }
    }
    log.line(
        "killed "
            + worker.name()
            + " running "
            + running.size()
            + " task(s): next attempts after "
            + retries
            + " ms"
            + (reported > 0 ? " (" + reported + " had reported its end just before)" : ""));
    worker.start();
    return retries;
  }

  /** When each worker was killed, by name. */
  Map<String, List<Instant>> workerKills() {
    return workerKills;
  }

  /**
   * kill -9 of the catalog's primary; after {@code detection} (what an HA tool waits before it
   * acts) the standby is promoted. Measured from the promotion to every running master ready again
   * and a worker served (a heartbeat stored in the new primary).
   */
  long failOverCatalog(Duration detection) {
    Instant killed = Instant.now();
    cluster.catalogPair().killPrimary();
    log.line(
        "killed the catalog primary; promoting the standby in " + detection.toMillis() + " ms");
    ChaosCluster.sleep(detection.toMillis());
    cluster.catalogPair().promoteStandby();
    Instant promoted = Instant.now();
    long millis =
        waitFor(
            () -> {
              for (int m = 0; m < cluster.masters().size(); m++) {
                if (!cluster.ready(m)) {
                  return false;
                }
              }
              return lastOnline().values().stream().anyMatch(t -> t.isAfter(promoted));
            },
            promoted);
    log.line(
        "catalog primary killed "
            + Duration.between(killed, promoted).toMillis()
            + " ms before the promotion; masters serving "
            + millis
            + " ms after it");
    return millis;
  }

  /**
   * A live worker that runs at least one task, chosen at random (a worker killed idle would show
   * nothing), or any live worker when none runs anything.
   */
  int busyWorker(Random random) {
    List<Integer> busy = new ArrayList<>();
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < cluster.workers().size(); i++) {
      SluiceProcess worker = cluster.workers().get(i);
      if (!worker.alive()) {
        continue;
      }
      live.add(i);
      boolean running =
          !retrying(
                  () ->
                      cluster
                          .catalogJdbi()
                          .withHandle(
                              h ->
                                  h.createQuery(RUNNING_ON_WORKER)
                                      .bind("worker", worker.name())
                                      .mapToMap()
                                      .list()))
              .isEmpty();
      if (running) {
        busy.add(i);
      }
    }
    List<Integer> from = busy.isEmpty() ? live : busy;
    return from.get(random.nextInt(from.size()));
  }

  /**
   * The workers being served now: running, with a heartbeat in the last 3 s (a worker still
   * starting after a kill is not waiting for a master yet, and would measure its own start).
   */
  private List<String> servedWorkers() {
    Instant recent = Instant.now().minusSeconds(3);
    Map<String, Instant> online = lastOnline();
    return cluster.workers().stream()
        .filter(SluiceProcess::alive)
        .map(SluiceProcess::name)
        .filter(name -> online.containsKey(name) && online.get(name).isAfter(recent))
        .toList();
  }

  /** Each worker's last heartbeat; empty while the catalog cannot be read. */
  private Map<String, Instant> lastOnline() {
    try {
      Map<String, Instant> result = new HashMap<>();
      cluster
          .catalogJdbi()
          .useHandle(
              h ->
                  h.createQuery(WORKERS_LAST_ONLINE)
                      .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                      .forEach(e -> result.put(e.getKey(), e.getValue())));
      return result;
    } catch (RuntimeException catalogDown) {
      return Map.of();
    }
  }

  /** Whether the execution has a final status (false while the catalog cannot be read). */
  private boolean ended(long execution) {
    try {
      return cluster
          .catalogJdbi()
          .withHandle(
              h ->
                  OperationStatus.of(
                          h.createQuery(EXECUTION_STATUS)
                              .bind("execution", execution)
                              .mapTo(Integer.class)
                              .one())
                      .isFinal());
    } catch (RuntimeException catalogDown) {
      return false;
    }
  }

  private Optional<Instant> nextAttemptStarted(long execution, long attempt) {
    return cluster
        .ledger()
        .withHandle(
            h ->
                h.createQuery(NEXT_ATTEMPT_STARTED)
                    .bind("execution", execution)
                    .bind("attempt", attempt)
                    .mapTo(Timestamp.class)
                    .findOne()
                    .map(Timestamp::toInstant));
  }

  /** Polls {@code done} every 50 ms; the milliseconds since {@code from} when it became true. */
  private long waitFor(Supplier<Boolean> done, Instant from) {
    Instant deadline = from.plus(GIVE_UP);
    while (!done.get()) {
      if (Instant.now().isAfter(deadline)) {
        log.line("gave up waiting after " + GIVE_UP.toSeconds() + " s");
        return GIVE_UP.toMillis();
      }
      ChaosCluster.sleep(50);
    }
    return Duration.between(from, Instant.now()).toMillis();
  }

  /** A catalog read that is tried again while the catalog is failing over. */
  private static <T> T retrying(Supplier<T> read) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (true) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        ChaosCluster.sleep(200);
      }
    }
  }
}
