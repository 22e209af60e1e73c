package io.sluice.master.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task timeout stops an overdue task; a disabled worker finishes what it runs. */
class TaskTimeoutAndDrainTest {

  @TempDir Path tmp;
  private ScaleOutCluster cluster;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(tmp, s -> s.withTaskTimeout(Duration.ofMinutes(5)));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aTaskRunningPastTheTimeoutIsStopped() {
    TestWorker w = cluster.enabledWorker("w");
    long execution = cluster.startExecution(2);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);
    assertThat(task.timeoutSeconds()).isEqualTo(300);
    assertThat(w.taskHeartbeat(task.taskId(), 1).verdict()).isEqualTo(Verdict.ACCEPTED);

    // Six minutes ago, by the catalog's clock.
    cluster
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update scale_out_task set assigned_time = now() - interval '6 minutes'")
                    .execute());
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.executionStatus(execution) == 8);

    assertThat(w.taskHeartbeat(task.taskId(), 1).verdict()).isEqualTo(Verdict.STOP);
    w.result(task.taskId(), new TaskResult(1, TaskResult.Outcome.CANCELED, 0, 0, "timeout"));
    assertThat(cluster.executionStatus(execution)).isEqualTo(3);
  }

  @Test
  void aDisabledWorkerGetsNoNewTaskButFinishesItsRunningOne() {
    TestWorker w = cluster.enabledWorker("w");
    long running = cluster.startExecution(0);
    TaskAssignment task = w.poll(1, 1_000).tasks().get(0);

    cluster.workers().disable(w.id.toString());
    long queued = cluster.startExecution(0);

    assertThat(w.poll(1, 300).tasks()).isEmpty();
    assertThat(w.taskHeartbeat(task.taskId(), 1).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(
            w.result(task.taskId(), new TaskResult(1, TaskResult.Outcome.SUCCEEDED, 0, 0, null))
                .verdict())
        .isEqualTo(Verdict.ACCEPTED);
    assertThat(cluster.executionStatus(running)).isEqualTo(7);
    assertThat(cluster.executionStatus(queued)).isEqualTo(5);
  }
}
