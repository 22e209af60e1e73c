package io.sluice.master.catalogapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import io.sluice.master.serverexecution.ServerExecutor;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics and report reads over real HTTPS on a real master, from executions that really
 * ran: in server mode (run here in-process, as a master runs them) and through the worker API.
 */
class ReportsApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private ScaleOutCluster cluster;
  private HttpClient admin;

  @BeforeEach
  void start() throws Exception {
    // No master-run server executions: the test runs them itself, to know when they end.
    cluster = ScaleOutCluster.start(tmp, s -> s.withServerExecutions(0));
    cluster.ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(tmp, "alice");
    admin =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(
                TlsContexts.sslContext(
                    TlsContexts.keyStore(tmp.resolve("alice.crt"), tmp.resolve("alice.key")),
                    TlsContexts.trustStore(tmp.resolve("ca.crt"))))
            .build();
    Path csv = tmp.resolve("rows.csv");
    Files.writeString(csv, "N\r\n1\r\n2\r\n3\r\n");
    Path project = tmp.resolve("flows");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(project.resolve("project.yaml"), "name: Flows\n");
    String warehouse =
        """
        connections:
          - name: Warehouse
            type: jdbc
            url: 'jdbc:postgresql://127.0.0.1:1/dw?password=hunter2'
        """;
    Files.writeString(
        project.resolve("packages/Copy.yaml"),
        """
        variables:
          - {name: Rows, type: Int32, value: 0}
        connections:
          - name: In
            type: flatFile
            file: '%s'
            headerRow: true
            columns: [{name: N, type: DT_I4}]
        tasks:
          - name: Copy rows
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: In}
              - {name: Count, type: RowCount, input: Read, variable: User::Rows}
        """
            .formatted(csv.toString().replace("'", "''")));
    Files.writeString(
        project.resolve("packages/Query.yaml"),
        warehouse
            + """
            tasks:
              - name: Ask the warehouse
                type: ExecuteSql
                connection: Warehouse
                statement: select 1
            """);
    cluster.catalog().projects().deploy("F", ProjectArchive.pack(project));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private record Answer(int status, JsonNode body, String text) {}

  private Answer get(String path) throws Exception {
    return get(admin, path, null);
  }

  private Answer get(HttpClient client, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("https://localhost:" + cluster.master.managementPort() + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()), response.body());
  }

  /** Runs a package in server mode at a logging level, as a master would; returns its id. */
  private long ran(String pkg, int loggingLevel) {
    Catalog catalog = cluster.catalog();
    long id = catalog.executions().create(CreateExecution.of("F", "Flows", pkg).inScaleOut(false));
    catalog.executions().setParameterValue(id, 50, "LOGGING_LEVEL", String.valueOf(loggingLevel));
    catalog.executions().start(id, 0);
    new ServerExecutor(catalog, cluster.under.context()).run(id);
    return id;
  }

  @Test
  void statisticsOfAServerExecutionFollowItsLoggingLevel() throws Exception {
    long verbose = ran("Copy", 3);
    long basic = ran("Copy", 1);
    long none = ran("Copy", 0);
    assertThat(cluster.executionStatus(verbose)).isEqualTo(OperationStatus.SUCCEEDED.code());

    Answer atVerbose = get("/api/v1/executions/" + verbose + "/statistics");
    Answer atBasic = get("/api/v1/executions/" + basic + "/statistics");
    Answer atNone = get("/api/v1/executions/" + none + "/statistics");

    assertThat(atVerbose.status()).as(atVerbose.text()).isEqualTo(200);
    assertThat(atVerbose.body().path("executables").findValuesAsText("executableName"))
        .contains("Copy rows");
    JsonNode path = atVerbose.body().path("dataFlows").get(0);
    assertThat(path.path("sourceComponentName").asText()).isEqualTo("Read");
    assertThat(path.path("destinationComponentName").asText()).isEqualTo("Count");
    assertThat(path.path("rowsSent").asLong()).isEqualTo(3);
    assertThat(atBasic.body().path("executables")).isNotEmpty();
    assertThat(atBasic.body().path("dataFlows")).isEmpty();
    assertThat(atNone.body().path("executables")).isEmpty();
    assertThat(get("/api/v1/executions/999999/statistics").status()).isEqualTo(404);
  }

  @Test
  void statisticsAWorkerReportsAreAnsweredForItsExecution() throws Exception {
    TestWorker worker = cluster.enabledWorker("w1");
    long id = cluster.startExecution(0);
    TaskAssignment task = worker.poll(1, 5_000).tasks().get(0);
    long now = System.currentTimeMillis();
    EventBatch batch =
        new EventBatch(
            task.attempt(),
            1,
            List.of(),
            List.of(
                new EventBatch.ExecutableStatistic("Load", "\\Load\\Copy", now, now + 25, 0, null)),
            List.of(
                new EventBatch.PathStatistic(
                    "Load", "Copy", "Read.Out", "Read", "Write", 42, now)));
    assertThat(worker.events(task.taskId(), batch).status()).isEqualTo(200);
    worker.result(
        task.taskId(),
        new TaskResult(task.attempt(), TaskResult.Outcome.SUCCEEDED, 0, 1, null, null));

    Answer statistics = get("/api/v1/executions/" + id + "/statistics");

    assertThat(statistics.body().path("executables").get(0).path("durationMs").asLong())
        .isEqualTo(25);
    assertThat(statistics.body().path("dataFlows").get(0).path("rowsSent").asLong()).isEqualTo(42);
    Answer onW1 = get("/api/v1/executions?worker=w1&caller=tester");
    assertThat(onW1.body().findValuesAsText("executionId")).containsExactly(String.valueOf(id));
    assertThat(get("/api/v1/executions?worker=nobody").body()).isEmpty();
  }

  @Test
  void aConnectionThatFailsShowsInTheConnectionsReportAndTheDashboardWithItsPasswordMasked()
      throws Exception {
    long query = ran("Query", 1);
    long copy = ran("Copy", 1);
    assertThat(cluster.executionStatus(query)).isEqualTo(OperationStatus.FAILED.code());

    Answer connections = get("/api/v1/reports/connections");
    Answer dashboard = get("/api/v1/reports/dashboard");
    Answer errors = get("/api/v1/reports/messages?type=error&package=Query");

    assertThat(connections.status()).as(connections.text()).isEqualTo(200);
    assertThat(connections.body()).hasSize(1);
    JsonNode failure = connections.body().get(0);
    assertThat(failure.path("connectionName").asText()).isEqualTo("Warehouse");
    assertThat(failure.path("connectionString").asText())
        .isEqualTo("jdbc:postgresql://127.0.0.1:1/dw?password=********");
    assertThat(failure.path("failedExecutions").asLong()).isEqualTo(1);
    assertThat(failure.path("lastExecutionId").asLong()).isEqualTo(query);
    assertThat(dashboard.body().path("recentFailures").get(0).path("firstError").asText())
        .contains("cannot connect with connection 'Warehouse'");
    assertThat(dashboard.body().path("byStatus").findValuesAsText("name"))
        .contains("failed", "succeeded");
    assertThat(dashboard.body().path("perHour")).hasSize(24);
    assertThat(errors.body().path("messages").get(0).path("executionId").asLong()).isEqualTo(query);
    assertThat(connections.text() + dashboard.text() + errors.text()).doesNotContain("hunter2");
    assertThat(copy).isPositive();
  }

  @Test
  void executionPerformanceAndTheExecutionsPageAnswerAndBadQueriesAre400() throws Exception {
    long first = ran("Copy", 1);
    long second = ran("Copy", 1);
    String token = new ApiTokens(cluster.jdbi()).create("viewer", "tester", Role.READ);
    HttpClient anonymous =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsContexts.sslContext(null, TlsContexts.trustStore(tmp.resolve("ca.crt"))))
            .build();

    Answer performance =
        get(anonymous, "/api/v1/reports/performance?folder=F&project=Flows&package=Copy", token);
    Answer page = get("/api/v1/reports/executions?package=Copy&limit=1");
    Answer next =
        get(
            "/api/v1/reports/executions?package=Copy&limit=1&before="
                + page.body().path("nextBefore").asLong());

    assertThat(performance.status()).as(performance.text()).isEqualTo(200);
    assertThat(performance.body().path("lastRuns").findValuesAsText("executionId"))
        .containsExactly(String.valueOf(second), String.valueOf(first));
    assertThat(performance.body().path("runsInWindow").asLong()).isEqualTo(2);
    assertThat(performance.body().path("averageMs").isNumber()).isTrue();
    assertThat(page.body().path("total").asLong()).isEqualTo(2);
    assertThat(page.body().path("executions").get(0).path("executionId").asLong())
        .isEqualTo(second);
    assertThat(next.body().path("executions").get(0).path("executionId").asLong()).isEqualTo(first);
    assertThat(next.body().path("nextBefore").isNull()).isTrue();
    assertThat(get(anonymous, "/api/v1/reports/dashboard", null).status()).isEqualTo(401);
    assertThat(get("/api/v1/reports/performance?folder=F&project=Flows").status()).isEqualTo(400);
    assertThat(get("/api/v1/reports/performance?folder=F&project=Flows&package=Nope").status())
        .isEqualTo(404);
    Answer tooMany = get("/api/v1/executions?limit=20000");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().path("error").asText())
        .isEqualTo("query parameter limit=20000 is more than 10000");
    assertThat(get("/api/v1/reports/messages?before=yesterday").status()).isEqualTo(400);
    assertThat(
            get("/api/v1/reports/messages?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z")
                .status())
        .isEqualTo(400);
    assertThat(get("/api/v1/reports/validations?type=deploy").status()).isEqualTo(400);
  }

  @Test
  void theMastersAndTheirLeaderAreAnswered() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Answer masters = get("/api/v1/masters");
              assertThat(masters.status()).as(masters.text()).isEqualTo(200);
              JsonNode master = masters.body().path("masters").get(0);
              assertThat(master.path("online").asBoolean()).isTrue();
              assertThat(masters.body().path("leader").path("holder").asText())
                  .isEqualTo(master.path("masterName").asText());
            });
  }
}
