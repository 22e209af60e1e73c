package io.sluice.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * bench/chaos: starts a whole cluster as real processes (catalog on a PostgreSQL primary + hot
 * standby, two masters, three workers), streams executions of the ledger package with retry count
 * 3, kills masters and workers with -9 at random (starting them again), once kills the catalog's
 * primary and promotes the standby, then judges by the ledger what was lost, overlapped or rerun
 * after success, and prints how long each failure took to heal.
 *
 * <p>Usage: ChaosDriver [--kills N] [--seed S] [--dir DIR] [--logback FILE]. Last line: {@code
 * RESULT kills=N executions=M lost=.. overlapping=.. rerun_after_success=..
 * master_failover_p50_ms=.. worker_retry_p50_ms=.. catalog_failover_ms=..}.
 */
public final class ChaosDriver {

  /** What an HA tool waits after the primary vanished before it promotes the standby. */
  static final Duration DETECTION = Duration.ofSeconds(1);

  static final int IN_FLIGHT = 6;
  static final int BEATS = 10;

  private ChaosDriver() {}

  /** The settings of one run. */
  record Settings(int kills, long seed, Path dir, Path logback) {}

  /** What one run found. */
  record Report(
      int kills,
      LedgerVerdict verdict,
      List<Long> masterFailovers,
      List<Long> workerRetries,
      long catalogFailover) {

    String resultLine() {
      return "RESULT kills=%d executions=%d lost=%d overlapping=%d rerun_after_success=%d"
              .formatted(
                  kills,
                  verdict.executions(),
                  verdict.lost(),
                  verdict.overlapping(),
                  verdict.rerunAfterSuccess())
          + " master_failover_p50_ms=%d worker_retry_p50_ms=%d catalog_failover_ms=%d"
              .formatted(
                  percentile(masterFailovers, 50), percentile(workerRetries, 50), catalogFailover)
          + " finished_then_rerun=%d".formatted(verdict.finishedThenRerun());
    }
  }

  private enum Kill {
    MASTER,
    WORKER
  }

  public static void main(String[] args) throws Exception {
    int kills = 50;
    long seed = System.nanoTime();
    Path dir = null;
    Path logback =
        Path.of(
            System.getProperty("sluice.home", "."), "sluice-cli/src/main/resources/logback.xml");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kills" -> kills = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--logback" -> logback = Path.of(args[++i]);
        default -> {
          System.err.println("usage: ChaosDriver [--kills N] [--seed S] [--dir DIR] [--logback F]");
          System.exit(2);
        }
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("sluice-chaos");
    }
    Report report = run(new Settings(kills, seed, dir, logback), System.err::println);
    System.out.println(report.resultLine());
    System.exit(
        report.verdict().lost()
                    + report.verdict().overlapping()
                    + report.verdict().rerunAfterSuccess()
                    + report.verdict().finishedThenRerun()
                == 0
            ? 0
            : 1);
  }

  static Report run(Settings settings, ChaosCluster.Log out) throws InterruptedException {
    long begin = System.nanoTime();
    ChaosCluster.Log log =
        line -> out.line("%6.1f s  %s".formatted((System.nanoTime() - begin) / 1e9, line));
    Random random = new Random(settings.seed());
    log.line(
        "chaos: "
            + settings.kills()
            + " kills, seed "
            + settings.seed()
            + ", in "
            + settings.dir());
    List<Kill> plan = new ArrayList<>();
    for (int i = 0; i < settings.kills(); i++) {
      plan.add(i < settings.kills() / 2 ? Kill.MASTER : Kill.WORKER);
    }
    Collections.shuffle(plan, random);
    int promoteAfter = settings.kills() / 2;

    List<Long> masterFailovers = new ArrayList<>();
    List<Long> workerRetries = new ArrayList<>();
    long catalogFailover = -1;
    try (ChaosCluster cluster = ChaosCluster.start(settings.dir(), settings.logback(), BEATS, log);
        ExecutionStream stream =
            new ExecutionStream(cluster.catalog(), cluster.catalogJdbi(), IN_FLIGHT, log)) {
      Failures failures = new Failures(cluster, log);
      Thread.sleep(5_000); // executions under way before the first kill
      for (int k = 0; k < plan.size(); k++) {
        if (k == promoteAfter) {
          catalogFailover = failures.failOverCatalog(DETECTION);
          Thread.sleep(1_000 + random.nextInt(2_000));
        }
        if (plan.get(k) == Kill.MASTER) {
          long failover = failures.killMaster(random.nextInt(ChaosCluster.MASTERS));
          if (failover >= 0) {
            masterFailovers.add(failover);
          }
        } else {
          workerRetries.addAll(failures.killWorker(failures.busyWorker(random)));
        }
        Thread.sleep(1_000 + random.nextInt(2_000));
      }
      if (promoteAfter >= plan.size()) {
        catalogFailover = failures.failOverCatalog(DETECTION);
      }
      Thread.sleep(3_000);
      log.line("stopping the stream; waiting for every started execution to end");
      stream.stopAndDrain(Duration.ofSeconds(120));
      LedgerVerdict verdict =
          LedgerVerdict.judge(
              stream.started(), cluster.catalogJdbi(), cluster.ledger(), failures.workerKills());
      verdict.problems().stream().limit(20).forEach(p -> log.line("PROBLEM " + p));
      verdict.notes().entrySet().stream()
          .limit(20)
          .forEach(
              n ->
                  log.line(
                      "NOTE execution "
                          + n.getKey()
                          + " "
                          + n.getValue()
                          + "; the catalog says: "
                          + retryMessages(cluster, n.getKey())));
      log.line(
          "executions by final status "
              + verdict.statuses()
              + "; run again after a finished attempt: "
              + verdict.finishedThenKilled()
              + " whose worker was killed between its package's end and its report (nobody could"
              + " know it finished), "
              + verdict.finishedThenRerun()
              + " whose worker was alive");
      log.line(
          "master failover ms: "
              + masterFailovers
              + " (p50 "
              + percentile(masterFailovers, 50)
              + ", max "
              + percentile(masterFailovers, 100)
              + "); dead worker to retry ms: "
              + workerRetries
              + " (p50 "
              + percentile(workerRetries, 50)
              + ", max "
              + percentile(workerRetries, 100)
              + "); catalog failover "
              + catalogFailover
              + " ms");
      return new Report(settings.kills(), verdict, masterFailovers, workerRetries, catalogFailover);
    }
  }

  /** What the masters wrote about an execution's attempts (lost leases, retries). */
  private static List<String> retryMessages(ChaosCluster cluster, long execution) {
    return cluster
        .catalogJdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        select to_char(message_time, 'HH24:MI:SS.MS') || ' ' || message
                        from event_message where operation_id = :id and message like '%attempt%'
                        order by message_time
                        """)
                    .bind("id", execution)
                    .mapTo(String.class)
                    .list());
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
