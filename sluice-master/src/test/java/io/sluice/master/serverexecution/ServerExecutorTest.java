package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-mode executions run in-process against a real catalog, end to end. */
class ServerExecutorTest {

  @TempDir Path tmp;

  private CatalogUnderTest under;
  private Catalog catalog;
  private ServerExecutor executor;

  @BeforeEach
  void deploy() throws IOException {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    executor = new ServerExecutor(catalog, under.context());
    catalog.folders().create("F", "");
    Path project = tmp.resolve("p");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(
        project.resolve("project.yaml"),
        """
        name: P
        parameters:
          - name: Secret
            type: String
            sensitive: true
            required: true
        """);
    Files.writeString(
        project.resolve("packages/greet.yaml"),
        """
        variables:
          - name: Seen
            type: String
            value: ""
            raiseChangedEvent: true
        tasks:
          - name: Measure secret
            type: ExecuteProcess
            executable: /bin/sh
            arguments: '-c "printf length-; wc -c"'
            standardInputVariable: $Project::Secret
            standardOutputVariable: User::Seen
        """);
    Files.writeString(
        project.resolve("packages/fail.yaml"),
        """
        tasks:
          - name: Exit 3
            type: ExecuteProcess
            executable: /bin/sh
            arguments: -c "exit 3"
        """);
    Files.writeString(
        project.resolve("packages/slow.yaml"),
        """
        tasks:
          - name: Sleep
            type: ExecuteProcess
            executable: /bin/sleep
            arguments: "60"
        """);
    catalog.projects().deploy("F", ProjectArchive.pack(project));
  }

  @AfterEach
  void close() {
    under.close();
  }

  private long started(String pkg) {
    long id = catalog.executions().create(CreateExecution.of("F", "P", pkg).inScaleOut(false));
    catalog.executions().setParameterValue(id, 20, "Secret", "s3cret!");
    catalog.executions().start(id, 0);
    return id;
  }

  @Test
  void aSucceedingPackageStoresItsEventsAndStatistics() {
    long id = started("greet");

    assertThat(executor.run(id)).isEqualTo(OperationStatus.SUCCEEDED);

    List<EventMessage> messages = catalog.messages().ofExecution(id, MessageQuery.all());
    assertThat(messages).extracting(EventMessage::messageType).contains(10, 20, 30, 40);
    assertThat(messages)
        .extracting(EventMessage::message)
        .anyMatch(m -> m.contains("User::Seen changed to length-7"))
        .noneMatch(m -> m.contains("s3cret!"));
    int statistics =
        under
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from executable_statistics where execution_id = :id")
                        .bind("id", id)
                        .mapTo(int.class)
                        .one());
    assertThat(statistics).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFailingPackageEndsFailedWithItsErrorStored() {
    long id = started("fail");

    assertThat(executor.run(id)).isEqualTo(OperationStatus.FAILED);

    assertThat(
            catalog
                .messages()
                .ofExecution(id, MessageQuery.all().ofTypes(java.util.Set.of(MessageType.ERROR))))
        .isNotEmpty();
    assertThat(catalog.executions().get(id).endTime()).isNotNull();
  }

  @Test
  void stopFromAnotherCallerCancelsTheRunningPackage() {
    long id = started("slow");
    CompletableFuture<OperationStatus> run = CompletableFuture.supplyAsync(() -> executor.run(id));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> catalog.executions().get(id).state() == OperationStatus.RUNNING);

    catalog.executions().stop(id);

    assertThat(run.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join())
        .isEqualTo(OperationStatus.CANCELED);
  }

  @Test
  void anExecutionAnotherRunnerTookIsNotRunTwice() {
    long id = started("greet");
    assertThat(executor.run(id)).isEqualTo(OperationStatus.SUCCEEDED);
    long messages = catalog.messages().ofExecution(id, MessageQuery.all()).size();

    assertThat(executor.run(id)).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(catalog.messages().ofExecution(id, MessageQuery.all())).hasSize((int) messages);
  }
}
