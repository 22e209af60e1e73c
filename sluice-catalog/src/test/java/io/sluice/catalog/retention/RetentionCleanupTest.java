package io.sluice.catalog.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationLog;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationTarget;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionCleanupTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private ExecutionRuntime runtime;
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void deployAProject() {
    db = TestCatalog.newDatabase();
    CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "tester");
    catalog = new LocalCatalog(context);
    runtime = new ExecutionRuntime(context);
    CatalogRows rows = new CatalogRows(db.jdbi());
    CatalogRows.Deployed warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    rows.packageOf(warehouse.versionId(), "Load.yaml", true);
    rows.parameter(warehouse.versionId(), 20, "Warehouse", "P", "String", false, false, "d");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private boolean exists(String table) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select to_regclass(:name) is not null")
                    .bind("name", table)
                    .mapTo(boolean.class)
                    .one());
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(long.class).one());
  }

  /** An execution that ran {@code daysAgo} days ago, with messages of that day. */
  private long executionThatRan(int daysAgo, OperationStatus outcome) {
    long id = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load.yaml"));
    catalog.executions().start(id, 0);
    runtime.markRunning(id);
    Instant then = Instant.now().minus(Duration.ofDays(daysAgo));
    moveOperationBack(id, then);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update execution set created_time = :t, start_time = :t"
                            + " where execution_id = :id")
                    .bind("t", then)
                    .bind("id", id)
                    .execute());
    runtime.recordEvents(
        id,
        List.of(
            NewEventMessage.of(then.plusSeconds(1), MessageType.PRE_EXECUTE, "start"),
            NewEventMessage.of(then.plusSeconds(60), MessageType.POST_EXECUTE, "end")));
    if (outcome != OperationStatus.RUNNING) {
      runtime.finish(id, outcome);
      db.jdbi()
          .useHandle(
              h -> {
                h.createUpdate("update execution set end_time = :t where execution_id = :id")
                    .bind("t", then.plusSeconds(120))
                    .bind("id", id)
                    .execute();
                h.createUpdate("update operation set end_time = :t where operation_id = :id")
                    .bind("t", then.plusSeconds(120))
                    .bind("id", id)
                    .execute();
              });
    }
    return id;
  }

  private void moveOperationBack(long operationId, Instant then) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update operation set created_time = :t, start_time = :t,"
                            + " end_time = case when end_time is null then null else cast(:t as timestamptz) end"
                            + " where operation_id = :id")
                    .bind("t", then)
                    .bind("id", operationId)
                    .execute());
  }

  @Test
  void openingTheCatalogMakesTheDayPartitionsOfTheComingWeek() {
    for (String table :
        List.of(
            "event_message",
            "operation_message",
            "executable_statistics",
            "execution_data_statistics")) {
      assertThat(exists(table + "_p" + DAY.format(today.minusDays(1)))).isTrue();
      assertThat(exists(table + "_p" + DAY.format(today.plusDays(7)))).isTrue();
      assertThat(exists(table + "_p" + DAY.format(today.plusDays(8)))).isFalse();
    }
  }

  @Test
  void rowsCaughtByTheDefaultPartitionMoveIntoTheirDayWhenItIsMade() {
    LocalDate later = today.plusDays(20);
    Instant inThatDay = later.atStartOfDay(ZoneOffset.UTC).plusSeconds(3600).toInstant();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "insert into event_message (operation_id, message_time, message_type,"
                            + " message) values (1, :t, 70, 'early bird')")
                    .bind("t", inThatDay)
                    .execute());
    assertThat(count("select count(*) from event_message_default")).isEqualTo(1);

    int created = db.jdbi().inTransaction(h -> LogPartitions.ensure(h, later, later));

    assertThat(created).isEqualTo(4);
    assertThat(count("select count(*) from event_message_default")).isZero();
    assertThat(count("select count(*) from event_message_p" + DAY.format(later))).isEqualTo(1);
  }

  @Test
  void cleanupDropsWholeOldDaysAndDeletesOldOperationsOnly() {
    catalog.properties().set("RETENTION_WINDOW", "10");
    db.jdbi().useTransaction(h -> LogPartitions.ensure(h, today.minusDays(45), today));
    long old = executionThatRan(40, OperationStatus.SUCCEEDED);
    long stillRunning = executionThatRan(40, OperationStatus.RUNNING);
    long atTheEdge = executionThatRan(9, OperationStatus.FAILED);
    long recent = executionThatRan(0, OperationStatus.SUCCEEDED);
    long oldDeploy =
        db.jdbi()
            .inTransaction(
                h -> {
                  long id =
                      OperationLog.begin(
                          h, OperationType.DEPLOY, OperationTarget.project(1L, "Warehouse"), "me");
                  OperationLog.finish(h, id, OperationStatus.SUCCEEDED);
                  return id;
                });
    moveOperationBack(oldDeploy, Instant.now().minus(Duration.ofDays(30)));
    // A stray row in the safety net, from a day that never had its partition.
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into event_message_default (operation_id, message_time, message_type,"
                        + " message) values (1, now() - interval '60 days', 70, 'stray')"));

    CleanupResult result = catalog.operations().cleanup();

    assertThat(result.ran()).isTrue();
    assertThat(result.cutoff())
        .isEqualTo(today.minusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(result.partitionsDropped()).isEqualTo(4 * 35);
    assertThat(result.operationsRemoved()).isEqualTo(2);
    assertThat(result.straySafetyNetRows()).isEqualTo(1);
    assertThat(exists("event_message_p" + DAY.format(today.minusDays(11)))).isFalse();
    assertThat(exists("event_message_p" + DAY.format(today.minusDays(10)))).isTrue();
    assertThat(catalog.operations().list(OperationFilter.all()))
        .extracting(Operation::operationId)
        .contains(stillRunning, atTheEdge, recent, result.operationId())
        .doesNotContain(old, oldDeploy);
    assertThat(count("select count(*) from execution_parameter_value where execution_id = " + old))
        .isZero();
    assertThat(catalog.messages().ofExecution(atTheEdge, MessageQuery.all())).hasSize(2);
    assertThat(catalog.messages().ofExecution(recent, MessageQuery.all())).hasSize(2);
    assertThat(
            count(
                "select count(*) from event_message where message_time < now() - interval '11 days'"))
        .isZero();

    Operation cleanup = catalog.operations().get(result.operationId());
    assertThat(cleanup.operationType()).isEqualTo(OperationType.RETENTION_CLEANUP.code());
    assertThat(cleanup.status()).isEqualTo(OperationStatus.SUCCEEDED.code());
    assertThat(catalog.operations().messages(result.operationId()))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.message())
                    .contains("140 day partitions dropped, 2 operations deleted"));
  }

  @Test
  void cleanupDoesNothingWhenDisabled() {
    catalog.properties().set("RETENTION_WINDOW", "10");
    catalog.properties().set("OPERATION_CLEANUP_ENABLED", "false");
    db.jdbi().useTransaction(h -> LogPartitions.ensure(h, today.minusDays(20), today));
    long old = executionThatRan(20, OperationStatus.SUCCEEDED);

    CleanupResult result = catalog.operations().cleanup();

    assertThat(result.ran()).isFalse();
    assertThat(exists("event_message_p" + DAY.format(today.minusDays(20)))).isTrue();
    assertThat(catalog.executions().get(old)).isNotNull();
    assertThat(
            catalog
                .operations()
                .list(new OperationFilter(OperationType.RETENTION_CLEANUP, null, null, 5)))
        .isEmpty();
  }
}
