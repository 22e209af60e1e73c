package io.sluice.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.RestartableCatalogServer;
import io.sluice.master.dispatch.QueueListener;
import io.sluice.master.management.WorkerAgent;
import io.sluice.protocol.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master whose catalog goes away and comes back, or turns read-only: readiness says so, catalog
 * calls wait and then succeed, and LISTEN/NOTIFY resumes.
 */
class CatalogFailoverMasterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static RestartableCatalogServer server;
  private static ScaleOutCluster cluster;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    server = RestartableCatalogServer.start();
    cluster =
        ScaleOutCluster.start(
            tmp,
            CatalogUnderTest.open(server.location()),
            s -> s.withCatalogFailoverTimeout(Duration.ofSeconds(60)));
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsContexts.sslContext(null, TlsContexts.trustStore(tmp.resolve("ca.crt"))))
            .build();
  }

  @AfterAll
  static void stop() {
    cluster.close();
    server.close();
  }

  @Test
  void readinessIs503WhileTheCatalogIsReadOnlyOrDownAndCatalogCallsWaitForIt() throws Exception {
    assertThat(ready().statusCode()).isEqualTo(200);

    server.setReadOnly(true);
    try {
      HttpResponse<String> readOnly = ready();
      assertThat(readOnly.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(readOnly.body()).path("error").asText()).contains("read-only");
    } finally {
      server.setReadOnly(false);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ready().statusCode() == 200);

    server.stop();
    CompletableFuture<List<WorkerAgent>> call;
    try {
      HttpResponse<String> down = ready();
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(down.body()).path("error").asText())
          .contains("the catalog does not answer");
      // A catalog call made meanwhile waits for the catalog instead of failing.
      call = CompletableFuture.supplyAsync(() -> cluster.workers().list());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.under.context().database().failover().outage().isPresent());
      assertThat(call).isNotDone();
    } finally {
      server.restart();
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 200);
    assertThat(call.get(60, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void theQueueListenerListensAgainAfterTheCatalogRestarts() throws Exception {
    try (CatalogDatabase own = CatalogDatabase.open(server.location())) {
      AtomicInteger wakes = new AtomicInteger();
      try (QueueListener listener = new QueueListener(own.dataSource(), wakes::incrementAndGet)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() >= 1); // listening
        int beforeOutage = wakes.get();

        server.stop();
        server.restart();

        // It wakes the polls once when it listens again (notifications sent meanwhile are lost)...
        await().atMost(Duration.ofSeconds(30)).until(() -> wakes.get() > beforeOutage);
        int listeningAgain = wakes.get();
        // ...and a task queued from now on wakes them too.
        notifyQueued();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() > listeningAgain);
      }
    }
  }

  private static void notifyQueued() throws Exception {
    try (Connection c =
            DriverManager.getConnection(server.location().jdbcUrl(), server.location().user(), "");
        Statement s = c.createStatement()) {
      s.execute("select pg_notify('" + QueueListener.CHANNEL + "', '')");
    }
  }

  private static HttpResponse<String> ready() throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "https://localhost:" + cluster.master.managementPort() + "/health/ready"))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
