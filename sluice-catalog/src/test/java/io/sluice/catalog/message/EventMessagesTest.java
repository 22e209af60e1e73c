package io.sluice.catalog.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.retention.LogPartitions;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.event.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventMessagesTest {

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private ExecutionRuntime runtime;

  @BeforeEach
  void deployAProject() {
    db = TestCatalog.newDatabase();
    CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "tester");
    catalog = new LocalCatalog(context);
    runtime = new ExecutionRuntime(context);
    CatalogRows rows = new CatalogRows(db.jdbi());
    CatalogRows.Deployed warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    rows.packageOf(warehouse.versionId(), "Load.yaml", true);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long running() {
    long id = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load.yaml"));
    catalog.executions().start(id, 0);
    runtime.markRunning(id);
    return id;
  }

  private static NewEventMessage message(Instant time, MessageType type, String text) {
    return NewEventMessage.of(time, type, text);
  }

  @Test
  void messagesOfAnExecutionComeInTimeOrderFilteredByTypeAndId() {
    long id = running();
    long other = running();
    Instant start = catalog.executions().get(id).createdTime();
    runtime.recordEvents(
        id,
        List.of(
            message(start.plusMillis(30), MessageType.ERROR, "third"),
            message(start.plusMillis(10), MessageType.PRE_EXECUTE, "first"),
            message(start.plusMillis(20), MessageType.WARNING, "second")));
    runtime.recordEvents(other, List.of(message(start.plusMillis(15), MessageType.ERROR, "other")));

    List<EventMessage> all = catalog.messages().ofExecution(id, MessageQuery.all());
    List<EventMessage> problems =
        catalog
            .messages()
            .ofExecution(
                id, MessageQuery.all().ofTypes(Set.of(MessageType.ERROR, MessageType.WARNING)));
    long firstStored = all.get(2).eventMessageId(); // "third" was stored first
    List<EventMessage> storedLater =
        catalog.messages().ofExecution(id, MessageQuery.all().after(firstStored));

    assertThat(all).extracting(EventMessage::message).containsExactly("first", "second", "third");
    assertThat(all).allSatisfy(m -> assertThat(m.operationId()).isEqualTo(id));
    assertThat(problems).extracting(EventMessage::message).containsExactly("second", "third");
    assertThat(storedLater).extracting(EventMessage::message).containsExactly("first", "second");
    assertThat(catalog.messages().ofExecution(id, MessageQuery.all().withLimit(2))).hasSize(2);
    assertThatThrownBy(() -> catalog.messages().ofExecution(999, MessageQuery.all()))
        .hasMessage("execution 999 does not exist");
  }

  @Test
  void allFieldsOfAMessageAreKept() {
    long id = running();
    runtime.recordEvents(
        id,
        List.of(
            new NewEventMessage(
                null,
                120,
                40,
                "boom",
                "Load.yaml",
                "OnError",
                "Copy rows",
                "OLE DB Source",
                "\\Package\\Copy rows",
                "\\Load\\Copy rows",
                7,
                -1071636471)));

    EventMessage stored = catalog.messages().ofExecution(id, MessageQuery.all()).get(0);

    assertThat(stored.message()).isEqualTo("boom");
    assertThat(stored.messageType()).isEqualTo(120);
    assertThat(stored.messageSourceType()).isEqualTo(40);
    assertThat(stored.eventName()).isEqualTo("OnError");
    assertThat(stored.subcomponentName()).isEqualTo("OLE DB Source");
    assertThat(stored.executionPath()).isEqualTo("\\Load\\Copy rows");
    assertThat(stored.threadId()).isEqualTo(7);
    assertThat(stored.messageCode()).isEqualTo(-1071636471);
    assertThat(stored.messageTime()).isNotNull();
  }

  @Test
  void messageTimesAreKeptWithinTheExecutionsLifeOnTheCatalogClock() {
    long id = running();
    Execution execution = catalog.executions().get(id);

    runtime.recordEvents(
        id,
        List.of(
            message(
                execution.createdTime().minus(2, ChronoUnit.DAYS),
                MessageType.PROGRESS,
                "skewed back"),
            message(Instant.now().plus(3, ChronoUnit.DAYS), MessageType.PROGRESS, "skewed ahead")));

    List<EventMessage> stored = catalog.messages().ofExecution(id, MessageQuery.all());
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).messageTime()).isEqualTo(execution.createdTime());
    assertThat(stored.get(1).messageTime()).isBefore(Instant.now().plusSeconds(5));
  }

  @Test
  void logsOfAnExecutionThatIsNotRunningAreRefused() {
    long id = running();
    runtime.finish(id, OperationStatus.SUCCEEDED);

    assertThatThrownBy(
            () -> runtime.recordEvents(id, List.of(message(null, MessageType.INFORMATION, "late"))))
        .hasMessageContaining("is not running, so its events are refused: it is 7 succeeded");
    assertThatThrownBy(
            () ->
                runtime.recordDataStatistics(
                    id, List.of(new DataFlowStatistic("p", "t", "path", null, "a", "b", 5, null))))
        .hasMessageContaining("refused");
    assertThat(catalog.messages().ofExecution(id, MessageQuery.all())).isEmpty();
  }

  @Test
  void statisticsAreStoredForTheirExecution() {
    long id = running();
    Instant now = Instant.now();
    runtime.recordExecutableStatistics(
        id,
        List.of(
            new ExecutableStatistic(
                "Copy rows", "\\Load\\Copy rows", "\\Load\\Copy rows", now, now, 0L, 0, null)));
    runtime.recordDataStatistics(
        id,
        List.of(
            new DataFlowStatistic(
                "Load.yaml",
                "Copy rows",
                "Paths[Source.Out]",
                "Out",
                "Source",
                "Dest",
                1234,
                null)));

    long rowsSent =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select sum(rows_sent) from execution_data_statistics"
                                + " where execution_id = :id")
                        .bind("id", id)
                        .mapTo(long.class)
                        .one());
    int executables =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from executable_statistics where execution_id = :id")
                        .bind("id", id)
                        .mapTo(int.class)
                        .one());
    assertThat(rowsSent).isEqualTo(1234);
    assertThat(executables).isEqualTo(1);
  }

  @Test
  void readingTheMessagesOfAnExecutionOpensOnlyThePartitionsOfItsDays() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    db.jdbi().useTransaction(h -> LogPartitions.ensure(h, today.minusDays(30), today));
    long id = running();
    Execution execution = catalog.executions().get(id);

    String plan =
        db.jdbi()
            .withHandle(
                h ->
                    String.join(
                        "\n",
                        h.createQuery(
                                """
                                explain (costs off)
                                select * from event_message
                                where operation_id = :id
                                  and message_time >= :fromTime
                                  and message_time < cast(:fromTime as timestamptz)
                                                     + interval '1 hour'
                                order by message_time, event_message_id
                                """)
                            .bind("id", id)
                            .bind("fromTime", execution.createdTime())
                            .mapTo(String.class)
                            .list()));

    long partitionsScanned =
        plan.lines().filter(line -> line.contains(" on event_message_p")).count();
    assertThat(partitionsScanned).as(plan).isBetween(1L, 2L);
    assertThat(plan).doesNotContain("event_message_default");
  }
}
