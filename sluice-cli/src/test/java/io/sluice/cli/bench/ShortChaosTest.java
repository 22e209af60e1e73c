package io.sluice.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.catalog.testing.PostgresBinaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of bench/chaos in every build: real processes (PostgreSQL primary + standby,
 * two masters, three workers), one master killed, one worker killed, one catalog failover, and
 * nothing lost, overlapping or rerun after success. The times are checked loosely (about twice the
 * issue's targets: the build machine is small and shared); bench/chaos measures them.
 */
class ShortChaosTest {

  @TempDir Path dir;

  @Test
  void oneMasterOneWorkerAndTheCatalogPrimaryDieAndNoExecutionIsLostOrRunTwice() throws Exception {
    assumeTrue(PostgresBinaries.find().isPresent(), "needs " + PostgresBinaries.whereLooked());
    ChaosDriver.Report report =
        ChaosDriver.run(
            new ChaosDriver.Settings(
                2, 42, dir, Path.of("src/main/resources/logback.xml").toAbsolutePath()),
            System.out::println);
    System.out.println(report.resultLine());

    LedgerVerdict verdict = report.verdict();
    assertThat(verdict.executions()).as("executions ran meanwhile").isGreaterThan(10);
    assertThat(verdict.problems())
        .as("lost, overlapping, rerun after success, finished then rerun")
        .isEmpty();
    assertThat(verdict.lost()).isZero();
    assertThat(verdict.overlapping()).isZero();
    assertThat(verdict.rerunAfterSuccess()).isZero();
    assertThat(verdict.finishedThenRerun()).as("finished, worker alive, run again").isZero();
    assertThat(report.masterFailovers()).hasSize(1).allMatch(ms -> ms < 10_000, "< 10 s");
    assertThat(report.workerRetries()).allMatch(ms -> ms < 30_000, "< 30 s");
    assertThat(report.catalogFailover()).isBetween(0L, 20_000L);
  }
}
