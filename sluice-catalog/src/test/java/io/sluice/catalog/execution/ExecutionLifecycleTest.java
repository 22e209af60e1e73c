package io.sluice.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionLifecycleTest {

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private ExecutionRuntime runtime;
  private CatalogRows rows;
  private CatalogRows.Deployed warehouse;

  @BeforeEach
  void deployAProject() {
    db = TestCatalog.newDatabase();
    CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "tester");
    catalog = new LocalCatalog(context);
    runtime = new ExecutionRuntime(context);
    rows = new CatalogRows(db.jdbi());
    warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    rows.packageOf(warehouse.versionId(), "Load.yaml", true);
    rows.packageOf(warehouse.versionId(), "Child.yaml", false);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long created() {
    return catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load.yaml"));
  }

  private long pending() {
    long id = created();
    catalog.executions().start(id, 0);
    return id;
  }

  private long running() {
    long id = pending();
    assertThat(runtime.markRunning(id)).isTrue();
    return id;
  }

  @Test
  void createRecordsAnExecutionOperationInStatusCreated() {
    long id = created();

    Execution execution = catalog.executions().get(id);
    assertThat(execution.state()).isEqualTo(OperationStatus.CREATED);
    assertThat(execution.projectVersionId()).isEqualTo(warehouse.versionId());
    assertThat(execution.loggingLevel()).isEqualTo(1);
    assertThat(execution.runInScaleOut()).isFalse();
    assertThat(execution.callerName()).isEqualTo("tester");
    Operation operation = catalog.operations().get(id);
    assertThat(operation.operationType()).isEqualTo(OperationType.EXECUTION.code());
    assertThat(operation.status()).isEqualTo(1);
    assertThat(operation.objectName()).isEqualTo("Warehouse");
    assertThat(operation.objectId()).isEqualTo(warehouse.projectId());
  }

  @Test
  void createFollowsTheDefaultExecutionModeUnlessTold() {
    catalog.properties().set("DEFAULT_EXECUTION_MODE", "SCALE_OUT");

    long byDefault = created();
    long toldServer =
        catalog
            .executions()
            .create(CreateExecution.of("Sales", "Warehouse", "Load.yaml").inScaleOut(false));

    assertThat(catalog.executions().get(byDefault).runInScaleOut()).isTrue();
    assertThat(catalog.executions().get(toldServer).runInScaleOut()).isFalse();
  }

  @Test
  void createUsesTheProjectsCurrentVersionOnly() {
    long v2 = rows.newVersion(warehouse.projectId());
    rows.packageOf(v2, "Other.yaml", true);

    assertThatThrownBy(() -> created())
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("has no package Load.yaml");
    long id = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Other.yaml"));
    assertThat(catalog.executions().get(id).projectVersionId()).isEqualTo(v2);
  }

  @Test
  void createRefusesWhatDoesNotExistOrIsNotAnEntryPoint() {
    var executions = catalog.executions();
    assertThatThrownBy(
            () -> executions.create(CreateExecution.of("Nope", "Warehouse", "Load.yaml")))
        .hasMessage("folder Nope does not exist")
        .extracting(e -> ((CatalogException) e).reason())
        .isEqualTo(CatalogException.Reason.NOT_FOUND);
    assertThatThrownBy(() -> executions.create(CreateExecution.of("Sales", "Nope", "Load.yaml")))
        .hasMessage("folder Sales has no project Nope");
    assertThatThrownBy(() -> executions.create(CreateExecution.of("Sales", "Warehouse", "X.yaml")))
        .hasMessageContaining("has no package X.yaml");
    assertThatThrownBy(
            () -> executions.create(CreateExecution.of("Sales", "Warehouse", "Child.yaml")))
        .hasMessageContaining("is not an entry point")
        .extracting(e -> ((CatalogException) e).reason())
        .isEqualTo(CatalogException.Reason.INVALID);
    assertThatThrownBy(
            () ->
                executions.create(
                    CreateExecution.of("Sales", "Warehouse", "Load.yaml").withReference(999)))
        .hasMessageContaining("has no environment reference 999");
    assertThat(catalog.operations().list(OperationFilter.all())).isEmpty();
  }

  @Test
  void startMakesItPendingAndWorksOnlyOnce() {
    long id = created();

    Execution started = catalog.executions().start(id, 2);

    assertThat(started.state()).isEqualTo(OperationStatus.PENDING);
    assertThat(started.retryCount()).isEqualTo(2);
    assertThat(started.startTime()).isNotNull();
    assertThat(catalog.operations().get(id).status()).isEqualTo(5);
    assertThatThrownBy(() -> catalog.executions().start(id, 0))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("it is 5 pending; an execution starts only once, from 1 created")
        .extracting(e -> ((CatalogException) e).reason())
        .isEqualTo(CatalogException.Reason.CONFLICT);
  }

  @Test
  void startRefusesEveryStatusButCreated() {
    long canceled = created();
    catalog.executions().stop(canceled);
    long running = running();
    long succeeded = running();
    runtime.finish(succeeded, OperationStatus.SUCCEEDED);

    for (long id : new long[] {canceled, running, succeeded}) {
      assertThatThrownBy(() -> catalog.executions().start(id, 0))
          .hasMessageContaining("starts only once, from 1 created");
    }
    assertThat(catalog.executions().get(succeeded).state()).isEqualTo(OperationStatus.SUCCEEDED);
  }

  @Test
  void scaleOutStartQueuesOneTaskWithItsRetries() {
    long id =
        catalog
            .executions()
            .create(CreateExecution.of("Sales", "Warehouse", "Load.yaml").inScaleOut(true));

    catalog.executions().start(id, 2);

    var task =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select status, max_attempts, attempt from scale_out_task"
                                + " where execution_id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    assertThat(task).containsEntry("status", "QUEUED").containsEntry("max_attempts", 3);
    assertThat(task).containsEntry("attempt", 0);
  }

  @Test
  void stopCancelsCreatedAndPendingAtOnce() {
    long created = created();
    long pending = pending();

    Execution first = catalog.executions().stop(created);
    Execution second = catalog.executions().stop(pending);

    assertThat(first.state()).isEqualTo(OperationStatus.CANCELED);
    assertThat(second.state()).isEqualTo(OperationStatus.CANCELED);
    assertThat(second.endTime()).isNotNull();
    assertThat(catalog.operations().get(pending).status()).isEqualTo(3);
    assertThat(runtime.markRunning(pending)).as("a canceled execution never runs").isFalse();
  }

  @Test
  void stopCancelsTheQueuedScaleOutTask() {
    long id =
        catalog
            .executions()
            .create(CreateExecution.of("Sales", "Warehouse", "Load.yaml").inScaleOut(true));
    catalog.executions().start(id, 0);

    catalog.executions().stop(id);

    String result =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select status || ' ' || result from scale_out_task"
                                + " where execution_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(result).isEqualTo("ENDED CANCELED");
  }

  @Test
  void stopAsksARunningExecutionToStopAndTheRunnerEndsIt() {
    long id = running();

    Execution stopping = catalog.executions().stop(id);
    Execution again = catalog.executions().stop(id);

    assertThat(stopping.state()).isEqualTo(OperationStatus.STOPPING);
    assertThat(again.state()).isEqualTo(OperationStatus.STOPPING);
    assertThat(stopping.endTime()).isNull();
    assertThat(runtime.finish(id, OperationStatus.CANCELED)).isTrue();
    assertThat(catalog.executions().get(id).state()).isEqualTo(OperationStatus.CANCELED);
    assertThat(catalog.operations().get(id).endTime()).isNotNull();
  }

  @Test
  void stopRefusesAnEndedExecutionAndRecordsStopOperationsOtherwise() {
    long id = running();
    runtime.finish(id, OperationStatus.FAILED);

    assertThatThrownBy(() -> catalog.executions().stop(id))
        .hasMessage("execution " + id + " has already ended: it is 4 failed");
    long other = created();
    catalog.executions().stop(other);

    var stops = catalog.operations().list(new OperationFilter(OperationType.STOP, null, null, 10));
    assertThat(stops)
        .singleElement()
        .satisfies(
            stop -> {
              assertThat(stop.objectId()).isEqualTo(other);
              assertThat(stop.status()).isEqualTo(7);
            });
    assertThat(catalog.operations().messages(stops.get(0).operationId()))
        .singleElement()
        .satisfies(m -> assertThat(m.message()).contains("1 created -> 3 canceled"));
    assertThatThrownBy(() -> catalog.executions().stop(424242))
        .hasMessage("execution 424242 does not exist");
  }

  @Test
  void runnerStatusChangesAreDecidedByRowCount() {
    long id = pending();

    assertThat(runtime.markRunning(id)).isTrue();
    assertThat(runtime.markRunning(id)).as("already running").isFalse();
    assertThat(runtime.finish(id, OperationStatus.SUCCEEDED)).isTrue();
    assertThat(runtime.finish(id, OperationStatus.FAILED)).as("already ended").isFalse();

    Execution execution = catalog.executions().get(id);
    assertThat(execution.state()).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(execution.executedCount()).isEqualTo(1);
    assertThat(catalog.operations().get(id).status()).isEqualTo(7);
  }

  @Test
  void specificWorkersAreRefusedForAServerModeExecution() {
    assertThatThrownBy(
            () ->
                catalog
                    .executions()
                    .create(
                        CreateExecution.of("Sales", "Warehouse", "Load.yaml")
                            .inScaleOut(false)
                            .withAnyWorker(false)))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("specific workers choose Scale Out workers")
        .satisfies(e -> assertThat(((CatalogException) e).hint()).contains("--scale-out"));
  }

  @Test
  void namedWorkersAreRefusedForAServerModeExecutionInTheirOwnWords() {
    UUID worker = rows.worker("w1");
    assertThatThrownBy(
            () ->
                catalog
                    .executions()
                    .create(
                        CreateExecution.of("Sales", "Warehouse", "Load.yaml")
                            .inScaleOut(false)
                            .withWorkers(List.of(worker))))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "the workers named for it choose Scale Out workers, but this execution does not run"
                + " in Scale Out")
        .satisfies(
            e ->
                assertThat(((CatalogException) e).hint())
                    .isEqualTo("add --scale-out, or leave out the workers (--worker)"));
  }

  @Test
  void workersCanBeNamedOnlyForScaleOutExecutionsThatDoNotUseAnyWorker() {
    UUID worker = rows.worker("w1");
    long server = created();
    long anyWorker =
        catalog
            .executions()
            .create(CreateExecution.of("Sales", "Warehouse", "Load.yaml").inScaleOut(true));
    long chosen =
        catalog
            .executions()
            .create(
                CreateExecution.of("Sales", "Warehouse", "Load.yaml")
                    .inScaleOut(true)
                    .withAnyWorker(false));

    assertThatThrownBy(() -> catalog.executions().addWorker(server, worker))
        .hasMessageContaining("does not run in Scale Out");
    assertThatThrownBy(() -> catalog.executions().addWorker(anyWorker, worker))
        .hasMessageContaining("may run on any worker");
    assertThatThrownBy(() -> catalog.executions().addWorker(chosen, UUID.randomUUID()))
        .hasMessageContaining("there is no worker agent");
    assertThatThrownBy(() -> catalog.executions().start(chosen, 0))
        .hasMessageContaining("it may run only on workers named for it, and none is");

    catalog.executions().addWorker(chosen, worker);
    catalog.executions().addWorker(chosen, worker);
    catalog.executions().start(chosen, 0);

    assertThat(catalog.executions().get(chosen).state()).isEqualTo(OperationStatus.PENDING);
    assertThatThrownBy(() -> catalog.executions().addWorker(chosen, worker))
        .hasMessageContaining("only while it is 1 created");
  }

  @Test
  void listFiltersAndShowsNewestFirst() {
    rows.packageOf(warehouse.versionId(), "Other.yaml", true);
    long first = created();
    long second =
        catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Other.yaml"));
    long third = pending();

    assertThat(catalog.executions().list(ExecutionFilter.all()))
        .extracting(Execution::executionId)
        .containsExactly(third, second, first);
    assertThat(
            catalog
                .executions()
                .list(new ExecutionFilter(null, null, "Other.yaml", null, null, null, 10)))
        .extracting(Execution::executionId)
        .containsExactly(second);
    assertThat(catalog.executions().list(ExecutionFilter.all().withStatus(OperationStatus.PENDING)))
        .extracting(Execution::executionId)
        .containsExactly(third);
    assertThat(catalog.executions().list(ExecutionFilter.all().withLimit(1))).hasSize(1);
    assertThat(
            catalog
                .executions()
                .list(ExecutionFilter.all().since(Instant.now().plus(1, ChronoUnit.HOURS))))
        .isEmpty();
    assertThat(
            catalog
                .executions()
                .list(new ExecutionFilter("Elsewhere", null, null, null, null, null, 10)))
        .isEmpty();
  }
}
