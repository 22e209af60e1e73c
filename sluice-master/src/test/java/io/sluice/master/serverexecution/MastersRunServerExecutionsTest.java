package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.Master;
import io.sluice.master.ScaleOutCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-mode executions (started without Scale Out) are picked up by the masters: two masters on
 * one catalog, woken together by the catalog's notification, claim with SKIP LOCKED, and each
 * execution runs exactly once.
 */
class MastersRunServerExecutionsTest {

  private static final int EXECUTIONS = 12;

  @TempDir Path dir;
  private ScaleOutCluster cluster;
  private Master second;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(dir);
    cluster.catalog().projects().deploy("F", project());
    second =
        Master.start(
            cluster.master.settings().withPorts(0, 0), cluster.catalog(), cluster.under.context());
  }

  @AfterEach
  void stop() {
    second.close();
    cluster.close();
  }

  @Test
  void twoMastersRunEachPendingServerExecutionExactlyOnce() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      long id =
          cluster
              .catalog()
              .executions()
              .create(CreateExecution.of("F", "S", "Work").inScaleOut(false));
      cluster.catalog().executions().start(id, 0);
      ids.add(id);
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ids.stream().allMatch(id -> state(id).isFinal()));
    for (long id : ids) {
      Execution done = cluster.catalog().executions().get(id);
      assertThat(done.state())
          .as("execution %d: %s", id, messages(id))
          .isEqualTo(OperationStatus.SUCCEEDED);
      assertThat(done.executedCount()).as("runs of execution %d", id).isEqualTo(1);
      assertThat(packageStarts(id)).as("package starts of execution %d", id).isEqualTo(1);
    }
  }

  @Test
  void aMasterWithNoServerExecutionSlotsLeavesThemToOthers() {
    second.close();
    cluster.master.close();
    Master idle =
        Master.start(
            cluster.master.settings().withPorts(0, 0).withServerExecutions(0),
            cluster.catalog(),
            cluster.under.context());
    try {
      long id =
          cluster
              .catalog()
              .executions()
              .create(CreateExecution.of("F", "S", "Work").inScaleOut(false));
      cluster.catalog().executions().start(id, 0);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> state(id) == OperationStatus.PENDING);
      second =
          Master.start(
              cluster.master.settings().withPorts(0, 0),
              cluster.catalog(),
              cluster.under.context());
      await().atMost(Duration.ofSeconds(30)).until(() -> state(id).isFinal());
      assertThat(state(id)).isEqualTo(OperationStatus.SUCCEEDED);
      // Pending until a master with slots came: the idle one never claimed it.
      assertThat(cluster.catalog().executions().get(id).executedCount()).isEqualTo(1);
    } finally {
      idle.close();
    }
  }

  /** A package that runs briefly, so that the masters' runs overlap. */
  private static byte[] project() {
    String work =
        """
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - {name: Before, type: Expression, expression: "@[User::N] = 1"}
          - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "0.2", after: Before}
        """;
    return ProjectFiles.of(
            Map.of(
                "project.yaml", "name: S\n".getBytes(StandardCharsets.UTF_8),
                "packages/Work.yaml", work.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  private OperationStatus state(long id) {
    return cluster.catalog().executions().get(id).state();
  }

  private List<String> messages(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .map(m -> m.messageType() + " " + m.messageSourceName() + ": " + m.message())
        .toList();
  }

  private long packageStarts(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .filter(m -> m.messageType() == 30 && "Work".equals(m.messageSourceName()))
        .map(EventMessage::eventMessageId)
        .count();
  }
}
