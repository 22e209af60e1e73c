package io.sluice.catalog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.execution.ExecutionStatistics;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.report.Dashboard.HourCount;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reads behind the console and SSIS's standard reports, on a real catalog whose executions are
 * written with the times each test needs; "now" is the test's, as a clock would give it.
 */
class CatalogReportsTest {

  /** SSIS's DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER, as the engine raises it. */
  private static final int CONNECTION_FAILED = 0xC020801C;

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private CatalogReports reports;
  private Instant now;

  @BeforeEach
  void open() {
    db = TestCatalog.newDatabase();
    CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "tester");
    catalog = new LocalCatalog(context);
    reports = new CatalogReports(context);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** An execution as the catalog would hold it after the fact; returns its id. */
  private long execution(
      String pkg, int status, Instant created, Duration ran, String caller, UUID worker) {
    Instant start = ran == null ? null : created.plusSeconds(1);
    Instant end = ran == null || status == 2 || status == 5 || status == 8 ? null : start.plus(ran);
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        with op as (
                            insert into operation (operation_type, object_type, object_name, status,
                                                   created_time, start_time, end_time, caller_name,
                                                   machine_name)
                            values (200, 20, :pkg, :status, :created, :start, :end, :caller, 'm')
                            returning operation_id)
                        insert into execution (execution_id, folder_name, project_name,
                                               project_version_id, package_name, run_in_scale_out,
                                               logging_level, status, created_time, start_time,
                                               end_time, caller_name, worker_agent_id)
                        select operation_id, 'F', 'P', 1, :pkg, true, 1, :status, :created,
                               :start, :end, :caller, cast(:worker as uuid)
                        from op
                        returning execution_id
                        """)
                    .bind("pkg", pkg)
                    .bind("status", status)
                    .bind("created", created)
                    .bind("start", start)
                    .bind("end", end)
                    .bind("caller", caller)
                    .bind("worker", worker)
                    .mapTo(long.class)
                    .one());
  }

  private long execution(String pkg, int status, Instant created, Duration ran) {
    return execution(pkg, status, created, ran, "alice", null);
  }

  private void message(long executionId, Instant time, MessageType type, String text) {
    message(executionId, time, type, text, null, 0);
  }

  private void message(
      long executionId,
      Instant time,
      MessageType type,
      String text,
      String subcomponent,
      int code) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        insert into event_message (operation_id, message_time, message_type,
                                                   message, subcomponent_name, message_code)
                        values (:id, :time, :type, :text, :subcomponent, :code)
                        """)
                    .bind("id", executionId)
                    .bind("time", time)
                    .bind("type", type.code())
                    .bind("text", text)
                    .bind("subcomponent", subcomponent)
                    .bind("code", code)
                    .execute());
  }

  @Test
  void theDashboardShowsTheLast24HoursByStatusHourAndPackageAndWhatRunsNow() {
    Instant hourAgo = now.minus(90, ChronoUnit.MINUTES);
    execution("Load", 7, hourAgo, Duration.ofSeconds(10));
    execution("Load", 7, hourAgo.plusSeconds(60), Duration.ofSeconds(30));
    execution("Load", 4, hourAgo.plusSeconds(120), Duration.ofSeconds(5));
    long failed = execution("Other", 4, now.minus(3, ChronoUnit.HOURS), Duration.ofSeconds(2));
    Instant failedAt = now.minus(3, ChronoUnit.HOURS).plusSeconds(2);
    message(failed, failedAt, MessageType.INFORMATION, "starting");
    message(failed, failedAt.plusMillis(10), MessageType.ERROR, "the first error");
    message(failed, failedAt.plusMillis(20), MessageType.ERROR, "a later error");
    execution("Old", 4, now.minus(30, ChronoUnit.HOURS), Duration.ofSeconds(2));
    long running = execution("Long", 2, now.minus(10, ChronoUnit.MINUTES), Duration.ZERO);
    execution("Waits", 5, now.minus(1, ChronoUnit.MINUTES), null);

    Dashboard dashboard = reports.dashboard(now);

    assertThat(dashboard.from()).isEqualTo(now.minus(24, ChronoUnit.HOURS));
    assertThat(dashboard.byStatus())
        .extracting(Dashboard.StatusCount::status, Dashboard.StatusCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 1L),
            org.assertj.core.groups.Tuple.tuple(4, 2L),
            org.assertj.core.groups.Tuple.tuple(5, 1L),
            org.assertj.core.groups.Tuple.tuple(7, 2L));
    assertThat(dashboard.running())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.executionId()).isEqualTo(running);
              // started a second after it was created, ten minutes ago
              assertThat(r.elapsedMs())
                  .isEqualTo(Duration.ofMinutes(10).minusSeconds(1).toMillis());
            });
    assertThat(dashboard.recentFailures())
        .extracting(Dashboard.FailedExecution::packageName, Dashboard.FailedExecution::firstError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Load", null),
            org.assertj.core.groups.Tuple.tuple("Other", "the first error"));
    assertThat(dashboard.queue().pendingExecutions()).isEqualTo(1);
    assertThat(dashboard.perHour()).hasSize(24);
    assertThat(dashboard.perHour().stream().mapToLong(HourCount::total).sum()).isEqualTo(6);
    HourCount loads = dashboard.perHour().get(22); // 90 minutes ago: the hour from -2h to -1h
    assertThat(loads.hour()).isEqualTo(now.minus(2, ChronoUnit.HOURS));
    assertThat(loads.succeeded()).isEqualTo(2);
    assertThat(loads.failed()).isEqualTo(1);
    assertThat(dashboard.busiestPackages().get(0).packageName()).isEqualTo("Load");
    assertThat(dashboard.busiestPackages().get(0).executions()).isEqualTo(3);
    assertThat(dashboard.busiestPackages().get(0).runs())
        .extracting(Dashboard.RunDuration::durationMs)
        .containsExactly(10_000L, 30_000L, 5_000L);
  }

  @Test
  void theExecutionsListFiltersByWorkerCallerAndStartTimeAndPagesWithACursor() {
    UUID worker = UUID.randomUUID();
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into worker_agent (worker_agent_id, display_name, machine_name,"
                        + " certificate_fingerprint) values (?, 'linux-1', 'm', 'fp')",
                    worker));
    Instant t = now.minus(5, ChronoUnit.HOURS);
    long a = execution("Load", 7, t, Duration.ofSeconds(1), "alice", worker);
    long b = execution("Load", 7, t.plusSeconds(60), Duration.ofSeconds(1), "bob", worker);
    long c = execution("Load", 7, t.plusSeconds(120), Duration.ofSeconds(1), "alice", worker);
    long d = execution("Load", 7, t.plusSeconds(180), Duration.ofSeconds(1), "alice", null);

    ExecutionFilter onLinux1 =
        new ExecutionFilter(
            null, null, null, null, null, null, null, null, "linux-1", null, null, 2);
    ExecutionPage first = reports.executions(onLinux1);
    ExecutionPage second = reports.executions(onLinux1.before(first.nextBefore()));

    assertThat(first.executions()).extracting(Execution::executionId).containsExactly(c, b);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.totalExact()).isTrue();
    assertThat(second.executions()).extracting(Execution::executionId).containsExactly(a);
    assertThat(second.nextBefore()).isNull();
    assertThat(
            catalog
                .executions()
                .list(
                    new ExecutionFilter(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        t.plusSeconds(100),
                        null,
                        worker.toString(),
                        "alice",
                        null,
                        10)))
        .extracting(Execution::executionId)
        .containsExactly(c);
    assertThat(
            catalog
                .executions()
                .list(
                    new ExecutionFilter(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        t.plusSeconds(100),
                        null,
                        null,
                        null,
                        10)))
        .extracting(Execution::executionId)
        .containsExactly(b, a);
    assertThat(
            reports
                .executions(
                    new ExecutionFilter(
                        null, null, null, null, null, null, null, null, "nobody", null, null, 10))
                .executions())
        .isEmpty();
    assertThat(d).isPositive();
  }

  @Test
  void messagesAcrossExecutionsAreFilteredByTypeWindowAndPackageAndPagedNewestFirst() {
    Instant t = now.minus(2, ChronoUnit.HOURS);
    long load = execution("Load", 4, t, Duration.ofSeconds(5));
    long other = execution("Other", 4, t, Duration.ofSeconds(5));
    message(load, t.plusSeconds(1), MessageType.INFORMATION, "load info");
    message(load, t.plusSeconds(2), MessageType.ERROR, "load error 1");
    message(load, t.plusSeconds(3), MessageType.ERROR, "load error 2");
    message(other, t.plusSeconds(4), MessageType.ERROR, "other error");
    message(other, now.minus(30, ChronoUnit.HOURS), MessageType.ERROR, "too old");

    MessageFilter errors =
        new MessageFilter(
            Set.of(MessageType.ERROR),
            now.minus(24, ChronoUnit.HOURS),
            now,
            null,
            null,
            null,
            null,
            2);
    MessagePage first = reports.messages(errors);
    MessagePage second =
        reports.messages(
            new MessageFilter(
                errors.types(),
                errors.since(),
                errors.until(),
                null,
                null,
                null,
                first.nextBefore(),
                2));
    MessagePage ofLoad =
        reports.messages(
            new MessageFilter(
                Set.of(), errors.since(), errors.until(), "f", "p", "LOAD", null, 100));

    assertThat(first.messages())
        .extracting(CatalogMessage::message)
        .containsExactly("other error", "load error 2");
    assertThat(first.messages().get(0).packageName()).isEqualTo("Other");
    assertThat(second.messages())
        .extracting(CatalogMessage::message)
        .containsExactly("load error 1");
    assertThat(second.nextBefore()).isNull();
    assertThat(ofLoad.messages())
        .extracting(CatalogMessage::message)
        .containsExactly("load error 2", "load error 1", "load info");
    assertThatThrownBy(
            () ->
                reports.messages(
                    new MessageFilter(
                        Set.of(), errors.since(), errors.until(), null, null, null, "nope", 5)))
        .hasMessage("'nope' is not a messages cursor");
  }

  @Test
  void executionPerformanceShowsTheLastSuccessfulRunsAgainstTheirAverageAndDeviation() {
    CatalogRows rows = new CatalogRows(db.jdbi());
    long version = rows.project(rows.folder("F"), "P").versionId();
    rows.packageOf(version, "Load", true);
    rows.packageOf(version, "Never", true);
    Instant t = now.minus(10, ChronoUnit.DAYS);
    execution("Load", 7, t, Duration.ofSeconds(10));
    execution("Load", 7, t.plusSeconds(60), Duration.ofSeconds(20));
    execution("Load", 4, t.plusSeconds(90), Duration.ofSeconds(99)); // failed: not counted
    long last = execution("Load", 7, t.plusSeconds(120), Duration.ofSeconds(30));
    execution("Load", 7, now.minus(200, ChronoUnit.DAYS), Duration.ofSeconds(500)); // too old

    ExecutionPerformance report = reports.performance("F", "P", "Load", 2, now);

    assertThat(report.lastRuns())
        .extracting(ExecutionPerformance.Run::durationMs)
        .containsExactly(30_000L, 20_000L);
    assertThat(report.lastRuns().get(0).executionId()).isEqualTo(last);
    assertThat(report.runsInWindow()).isEqualTo(3);
    assertThat(report.averageMs()).isCloseTo(20_000.0, within(0.001));
    assertThat(report.standardDeviationMs()).isCloseTo(8_164.966, within(0.01));
    assertThat(reports.performance("F", "P", "Never", 10, now).lastRuns()).isEmpty();
    assertThatThrownBy(() -> reports.performance("F", "P", "Nope", 10, now))
        .hasMessage("package F/P/Nope does not exist and has never run");
  }

  @Test
  void connectionsGroupFailedConnectionsByNameAndMaskedString() {
    Instant t = now.minus(1, ChronoUnit.HOURS);
    long first = execution("Load", 4, t, Duration.ofSeconds(1));
    long second = execution("Load", 4, t.plusSeconds(60), Duration.ofSeconds(1));
    String failure =
        "cannot connect with connection 'Warehouse' to"
            + " jdbc:postgresql://db1:5432/dw?password=********: Connection refused";
    message(first, t.plusSeconds(1), MessageType.ERROR, failure, "Warehouse", CONNECTION_FAILED);
    message(
        second,
        t.plusSeconds(61),
        MessageType.ERROR,
        "Data Flow 'Copy', component 'Source' failed: " + failure,
        "Warehouse",
        CONNECTION_FAILED);
    message(second, t.plusSeconds(62), MessageType.ERROR, "not a connection", null, 0);

    List<ConnectionFailure> failures = reports.connections(now.minus(1, ChronoUnit.DAYS), now, 10);

    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.connectionName()).isEqualTo("Warehouse");
              assertThat(f.connectionString())
                  .isEqualTo("jdbc:postgresql://db1:5432/dw?password=********");
              assertThat(f.failedExecutions()).isEqualTo(2);
              assertThat(f.lastExecutionId()).isEqualTo(second);
              assertThat(f.lastFailedTime()).isEqualTo(t.plusSeconds(61));
            });
    assertThat(reports.dashboard(now).failedConnections()).hasSize(1);
  }

  @Test
  void validationsAreTheValidateOperations() {
    for (int type : new int[] {300, 200, 301}) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "insert into operation (operation_type, status, caller_name, machine_name)"
                          + " values (?, 7, 'tester', 'm')",
                      type));
    }

    List<Operation> validations = reports.validations(OperationFilter.all());

    assertThat(validations).extracting(Operation::operationType).containsExactly(301, 300);
    assertThat(catalog.operations().list(new OperationFilter(null, null, null, null, "tester", 10)))
        .hasSize(3);
    assertThat(
            catalog
                .operations()
                .list(new OperationFilter(null, null, null, Instant.EPOCH, null, 10)))
        .isEmpty();
  }

  @Test
  void statisticsOfAnExecutionAreItsExecutableRunsAndDataFlowPaths() {
    CatalogRows rows = new CatalogRows(db.jdbi());
    rows.packageOf(rows.project(rows.folder("Sales"), "Warehouse").versionId(), "Load", true);
    long id = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load"));
    catalog.executions().start(id, 0);
    ExecutionRuntime runtime =
        new ExecutionRuntime(new CatalogContext(db, TestCatalog.cipher(), "tester"));
    runtime.markRunning(id);
    Instant start = Instant.now();
    runtime.recordExecutableStatistics(
        id,
        List.of(
            new ExecutableStatistic(
                "Copy", "\\Load\\Copy", "\\Load\\Copy", start, start.plusMillis(40), 40L, 0, null),
            new ExecutableStatistic(
                "Load", "\\Load", "\\Load", start, start.plusMillis(50), 50L, 0, null)));
    runtime.recordDataStatistics(
        id,
        List.of(
            new DataFlowStatistic(
                "Load", "Copy", "Paths[Source.Out]", "Out", "Source", "Dest", 1234, null)));

    ExecutionStatistics statistics = catalog.executions().statistics(id);

    assertThat(statistics.executables())
        .extracting(ExecutableStatistic::executablePath, ExecutableStatistic::durationMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("\\Load\\Copy", 40L),
            org.assertj.core.groups.Tuple.tuple("\\Load", 50L));
    assertThat(statistics.dataFlows())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rowsSent()).isEqualTo(1234);
              assertThat(d.sourceComponentName()).isEqualTo("Source");
            });
    assertThatThrownBy(() -> catalog.executions().statistics(999_999))
        .hasMessage("execution 999999 does not exist");
    assertThat(catalog.executions().get(id).state()).isEqualTo(OperationStatus.RUNNING);
  }
}
