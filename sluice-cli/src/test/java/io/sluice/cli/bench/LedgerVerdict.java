package io.sluice.cli.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What the chaos did to the executions, judged by comparing the catalog with the ledger (issue 5's
 * definitions):
 *
 * <ul>
 *   <li><b>lost</b>: a started execution that never reached a final status, or one whose package
 *       finished on a worker (the ledger has its end) while the catalog does not show it succeeded;
 *   <li><b>overlapping</b>: an execution with an attempt that started while an earlier one was
 *       still running ({@code last_seen}, refreshed every 100 ms while it works, is how long it
 *       certainly ran);
 *   <li><b>rerun after success</b>: an execution with an attempt that started after the catalog
 *       recorded its success.
 * </ul>
 *
 * <p>And one more, stricter than the issue's: <b>finished then rerun</b>, an execution run again
 * after one of its attempts had finished (the ledger has its end) while the worker that ran it
 * stayed alive, so it could have reported its success. A worker killed between its package's end
 * and its report is another matter: nobody can know the package finished, and running it again is
 * right; those are counted apart ({@code finishedThenKilled}).
 */
record LedgerVerdict(
    int executions,
    int lost,
    int overlapping,
    int rerunAfterSuccess,
    int finishedThenRerun,
    Map<Integer, Integer> statuses,
    int finishedThenKilled,
    List<String> problems,
    Map<Long, String> notes) {

  /** A kill this close before the ledger's end of an attempt may still have come after it. */
  private static final Duration KILL_SIGNAL_SLACK = Duration.ofSeconds(1);

  private static final String EXECUTIONS =
      "select execution_id, status, end_time from execution where execution_id in (<ids>)";

  private static final String RUNS =
      """
      select execution_id, attempt, worker, started, last_seen, ended
      from attempt_ledger where execution_id in (<ids>)
      """;

  private record Outcome(int status, Instant ended) {}

  private record Run(
      long execution,
      int attempt,
      String worker,
      Instant started,
      Instant lastSeen,
      Instant ended) {
    Instant certainlyRanUntil() {
      return ended != null ? ended : lastSeen;
    }
  }

  /**
   * @param workerKills when each worker was killed (-9), by worker name
   */
  static LedgerVerdict judge(
      Set<Long> started, Jdbi catalog, Jdbi ledger, Map<String, List<Instant>> workerKills) {
    List<Long> ids = List.copyOf(started);
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<Long, List<Run>> runs = new HashMap<>();
    if (!ids.isEmpty()) {
      catalog.useHandle(
          h ->
              h.createQuery(EXECUTIONS)
                  .bindList("ids", ids)
                  .map(
                      (rs, ctx) -> {
                        var end = rs.getTimestamp("end_time");
                        outcomes.put(
                            rs.getLong("execution_id"),
                            new Outcome(rs.getInt("status"), end == null ? null : end.toInstant()));
                        return null;
                      })
                  .list());
      ledger.useHandle(
          h ->
              h.createQuery(RUNS)
                  .bindList("ids", ids)
                  .map(
                      (rs, ctx) -> {
                        var ended = rs.getTimestamp("ended");
                        Run run =
                            new Run(
                                rs.getLong("execution_id"),
                                rs.getInt("attempt"),
                                rs.getString("worker"),
                                rs.getTimestamp("started").toInstant(),
                                rs.getTimestamp("last_seen").toInstant(),
                                ended == null ? null : ended.toInstant());
                        runs.computeIfAbsent(run.execution(), k -> new ArrayList<>()).add(run);
                        return null;
                      })
                  .list());
    }

    int lost = 0;
    int overlapping = 0;
    int rerunAfterSuccess = 0;
    int finishedThenRerun = 0;
    int finishedThenKilled = 0;
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    Map<Long, String> notes = new TreeMap<>();
    for (long id : ids) {
      Outcome outcome = outcomes.get(id);
      List<Run> attempts = new ArrayList<>(runs.getOrDefault(id, List.of()));
      attempts.sort(Comparator.comparing(Run::started));
      int status = outcome == null ? -1 : outcome.status();
      statuses.merge(status, 1, Integer::sum);

      boolean finishedSomewhere = attempts.stream().anyMatch(r -> r.ended() != null);
      if (!Set.of(3, 4, 6, 7, 9).contains(status)) {
        lost++;
        problems.add("execution " + id + " never ended (status " + status + "): " + attempts);
      } else if (finishedSomewhere && status != 7) {
        lost++;
        problems.add(
            "execution "
                + id
                + " finished on a worker but the catalog shows "
                + status
                + ": "
                + attempts);
      }

      Instant runningUntil = null;
      Run firstFinished = null;
      Run rerun = null;
      boolean overlap = false;
      for (Run run : attempts) {
        if (runningUntil != null && run.started().isBefore(runningUntil)) {
          overlap = true;
        }
        if (firstFinished != null
            && rerun == null
            && run.started().isAfter(firstFinished.ended())) {
          rerun = run;
        }
        if (runningUntil == null || run.certainlyRanUntil().isAfter(runningUntil)) {
          runningUntil = run.certainlyRanUntil();
        }
        if (firstFinished == null && run.ended() != null) {
          firstFinished = run;
        }
      }
      if (overlap) {
        overlapping++;
        problems.add("execution " + id + " had overlapping attempts: " + attempts);
      }
      if (status == 7
          && outcome.ended() != null
          && attempts.stream().anyMatch(r -> r.started().isAfter(outcome.ended()))) {
        rerunAfterSuccess++;
        problems.add(
            "execution "
                + id
                + " ran again after its success at "
                + outcome.ended()
                + ": "
                + attempts);
      } else if (rerun != null) {
        if (killedBetween(workerKills, firstFinished, rerun)) {
          finishedThenKilled++;
          notes.put(
              id,
              "ran again after a finished attempt whose worker was killed before it reported: "
                  + attempts);
        } else {
          finishedThenRerun++;
          problems.add(
              "execution "
                  + id
                  + " ran again after a finished attempt whose worker was alive: "
                  + attempts);
        }
      }
    }
    return new LedgerVerdict(
        ids.size(),
        lost,
        overlapping,
        rerunAfterSuccess,
        finishedThenRerun,
        statuses,
        finishedThenKilled,
        problems,
        notes);
  }

  /** Whether the worker of {@code finished} was killed after its end and before {@code rerun}. */
  private static boolean killedBetween(
      Map<String, List<Instant>> workerKills, Run finished, Run rerun) {
    Instant from = finished.ended().minus(KILL_SIGNAL_SLACK);
    return workerKills.getOrDefault(finished.worker(), List.of()).stream()
        .anyMatch(k -> !k.isBefore(from) && !k.isAfter(rerun.started()));
  }
}
