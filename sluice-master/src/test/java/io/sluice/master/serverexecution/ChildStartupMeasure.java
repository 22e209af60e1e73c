package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.master.ScaleOutCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not part of the suite (its name is not a test's, so surefire runs it only when
 * asked: {@code mvn -pl sluice-master test -Dtest=ChildStartupMeasure}): what a server-mode
 * execution pays for running in a child process. Nine times, examples/hello is claimed and run in a
 * child ({@link ServerExecutor#runClaimed}) and then in this process ({@link ServerExecutor#run},
 * as the CLI runs one); each figure is the first event's own time minus the instant before the
 * claim, so no polling is in it. Ends with one RESULT line (docs/benchmarks.md, "Server-mode child
 * start").
 */
class ChildStartupMeasure {

  private static final int RUNS = 9;
  private static final Duration LEASE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void claimToFirstEventOfHello() {
    try (ScaleOutCluster cluster = ScaleOutCluster.start(dir, s -> s.withServerExecutions(0))) {
      cluster
          .catalog()
          .projects()
          .deploy("F", ProjectArchive.fromPath(Path.of("../examples/hello")));
      ServerExecutor executor = new ServerExecutor(cluster.catalog(), cluster.under.context());
      ServerExecutionLeases leases = new ServerExecutionLeases(cluster.jdbi(), "m", LEASE);
      List<Long> child = new ArrayList<>();
      List<Long> inProcess = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        long id = started(cluster);
        Instant claim = Instant.now();
        long sent = leases.now();
        assertThat(executor.claimPending(1, "m", LEASE)).containsExactly(id);
        executor.runClaimed(id, leases.hold(id, sent));
        child.add(firstEvent(cluster, id) - claim.toEpochMilli());

        long local = started(cluster);
        Instant start = Instant.now();
        executor.run(local);
        inProcess.add(firstEvent(cluster, local) - start.toEpochMilli());
      }
      System.out.println(
          "RESULT child_first_event_ms_median="
              + median(child)
              + " in_process_first_event_ms_median="
              + median(inProcess)
              + " child_ms="
              + child
              + " in_process_ms="
              + inProcess);
      assertThat(median(child)).as("a child starts in seconds, not more").isLessThan(10_000);
    }
  }

  private static long started(ScaleOutCluster cluster) {
    long id =
        cluster
            .catalog()
            .executions()
            .create(CreateExecution.of("F", "hello", "hello").inScaleOut(false));
    cluster.catalog().executions().start(id, 0);
    return id;
  }

  private static long firstEvent(ScaleOutCluster cluster, long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .map(m -> m.messageTime().toEpochMilli())
        .min(Long::compare)
        .orElseThrow();
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
