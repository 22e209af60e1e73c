package io.sluice.master.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.master.Master;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.protocol.worker.TaskAssignment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real masters on one catalog: one leads, and its once-only work moves when it goes. */
class MasterLeaderTest {

  private static final Duration LEASE = Duration.ofSeconds(1);

  @TempDir Path tmp;

  @Test
  void theOtherMasterTakesOverLeaderWorkWhenTheLeaderStops() {
    try (ScaleOutCluster cluster = ScaleOutCluster.start(tmp, s -> s.withLeaderLease(LEASE));
        Master second =
            Master.start(
                cluster.settingsForAnotherMaster().withLeaderLease(LEASE),
                cluster.catalog(),
                cluster.under.context())) {
      Master first = cluster.master;
      assertThat(first.leaderLease().isLeader()).isTrue();
      assertThat(second.leaderLease().isLeader()).isFalse();
      assertThat(Leadership.current(cluster.jdbi()).orElseThrow().holder()).isEqualTo(first.name());

      first.close();

      await().atMost(Duration.ofSeconds(10)).until(() -> second.leaderLease().isLeader());
      Leadership now = Leadership.current(cluster.jdbi()).orElseThrow();
      assertThat(now.holder()).isEqualTo(second.name());
      assertThat(now.epoch()).isEqualTo(2);

      // The lost-lease check now runs on the second master (the first is gone): a task whose
      // worker went silent is re-queued.
      TestWorker registered = cluster.newWorker("w");
      TestWorker worker =
          new TestWorker(
              "w",
              tmp.resolve("w.crt"),
              tmp.resolve("w.key"),
              tmp.resolve("ca.crt"),
              second.workerPort());
      cluster.workers().enable(worker.heartbeat().workerId().toString());
      assertThat(registered.name).isEqualTo(worker.name);
      long execution = cluster.startExecution(2);
      TaskAssignment task = worker.poll(1, 5_000).tasks().get(0);
      assertThat(task.attempt()).isEqualTo(1);
      cluster.expireLease(execution);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> cluster.taskStatus(execution).equals("QUEUED"));
    }
  }
}
