package io.sluice.catalog.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.event.MessageType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationLogTest {

  private CatalogDatabase db;
  private LocalCatalog catalog;

  @BeforeEach
  void open() {
    db = TestCatalog.newDatabase();
    catalog = new LocalCatalog(new CatalogContext(db, TestCatalog.cipher(), "tester"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anOperationAndItsMessagesAreRecordedInTheCallersTransaction() {
    long id =
        db.jdbi()
            .inTransaction(
                h -> {
                  long operationId =
                      OperationLog.begin(
                          h, OperationType.DEPLOY, OperationTarget.project(5L, "Warehouse"), "ann");
                  OperationLog.message(h, operationId, MessageType.INFORMATION, "unpacked");
                  OperationLog.message(h, operationId, MessageType.WARNING, "no description");
                  OperationLog.finish(h, operationId, OperationStatus.SUCCEEDED);
                  return operationId;
                });

    Operation operation = catalog.operations().get(id);
    assertThat(operation.operationType()).isEqualTo(101);
    assertThat(operation.status()).isEqualTo(7);
    assertThat(operation.objectType()).isEqualTo(OperationTarget.PROJECT);
    assertThat(operation.objectName()).isEqualTo("Warehouse");
    assertThat(operation.callerName()).isEqualTo("ann");
    assertThat(operation.machineName()).isNotBlank();
    assertThat(operation.endTime()).isAfterOrEqualTo(operation.startTime());
    assertThat(catalog.operations().messages(id))
        .extracting(OperationMessage::message, OperationMessage::messageType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("unpacked", 70),
            org.assertj.core.groups.Tuple.tuple("no description", 110));
  }

  @Test
  void aRolledBackOperationLeavesNothingButAFailureCanBeRecordedAfterwards() {
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useTransaction(
                        h -> {
                          OperationLog.begin(
                              h, OperationType.RESTORE, OperationTarget.project(5L, "W"), "ann");
                          throw new IllegalStateException("restore went wrong");
                        }))
        .hasMessage("restore went wrong");
    assertThat(catalog.operations().list(OperationFilter.all())).isEmpty();

    long failed =
        OperationLog.recordFailure(
            db.jdbi(),
            OperationType.RESTORE,
            OperationTarget.project(5L, "W"),
            "ann",
            "restore went wrong");

    assertThat(catalog.operations().get(failed).status()).isEqualTo(4);
    assertThat(catalog.operations().messages(failed))
        .singleElement()
        .satisfies(m -> assertThat(m.messageType()).isEqualTo(120));
  }

  @Test
  void operationsAreListedNewestFirstByTypeStatusAndTime() {
    long deploy =
        db.jdbi()
            .inTransaction(
                h -> {
                  long id =
                      OperationLog.begin(h, OperationType.DEPLOY, OperationTarget.catalog(), "a");
                  OperationLog.finish(h, id, OperationStatus.FAILED);
                  return id;
                });
    long restore =
        db.jdbi()
            .inTransaction(
                h -> OperationLog.begin(h, OperationType.RESTORE, OperationTarget.catalog(), "a"));

    assertThat(catalog.operations().list(OperationFilter.all()))
        .extracting(Operation::operationId)
        .containsExactly(restore, deploy);
    assertThat(catalog.operations().list(new OperationFilter(OperationType.DEPLOY, null, null, 5)))
        .extracting(Operation::operationId)
        .containsExactly(deploy);
    assertThat(
            catalog.operations().list(new OperationFilter(null, OperationStatus.RUNNING, null, 5)))
        .extracting(Operation::operationId)
        .containsExactly(restore);
    assertThat(
            catalog
                .operations()
                .list(
                    new OperationFilter(null, null, Instant.now().plus(1, ChronoUnit.MINUTES), 5)))
        .isEmpty();
    assertThatThrownBy(() -> catalog.operations().get(77))
        .hasMessage("operation 77 does not exist");
  }

  @Test
  void statusesAndTypesReadAsUsersTypeThem() {
    assertThat(OperationStatus.parse("succeeded")).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(OperationStatus.parse("6")).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(OperationStatus.parse("ended-unexpectedly"))
        .isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(OperationStatus.display(7)).isEqualTo("7 succeeded");
    assertThat(OperationType.parse("deploy")).isEqualTo(OperationType.DEPLOY);
    assertThatThrownBy(() -> OperationStatus.parse("done")).hasMessage("unknown status 'done'");
  }
}
