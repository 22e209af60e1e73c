package io.sluice.master.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.AgentHeartbeat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics and the worker management REST API: authentication and bad input. */
class ManagementApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private ScaleOutCluster cluster;
  private HttpClient anonymous;
  private HttpClient admin;
  private HttpClient workerCertificate;
  private TestWorker worker;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(tmp);
    worker = cluster.newWorker("w1");
    worker.heartbeat();
    cluster.ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(tmp, "alice");
    anonymous = client(TlsContexts.sslContext(null, TlsContexts.trustStore(tmp.resolve("ca.crt"))));
    admin = client(withCertificate("alice"));
    workerCertificate = client(withCertificate("w1"));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private SSLContext withCertificate(String name) {
    return TlsContexts.sslContext(
        TlsContexts.keyStore(tmp.resolve(name + ".crt"), tmp.resolve(name + ".key")),
        TlsContexts.trustStore(tmp.resolve("ca.crt")));
  }

  private static HttpClient client(SSLContext ssl) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl).build();
  }

  private record Answer(int status, JsonNode body, String text) {}

  private Answer send(HttpClient client, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("https://localhost:" + cluster.master.managementPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = JSON.readTree(response.body());
    } catch (Exception notJson) {
      // metrics are text
    }
    return new Answer(response.statusCode(), json, response.body());
  }

  private Answer get(HttpClient client, String path) throws Exception {
    return send(client, "GET", path, null, null);
  }

  @Test
  void healthAndMetricsNeedNoCredentials() throws Exception {
    assertThat(get(anonymous, "/health/live").status()).isEqualTo(200);
    Answer ready = get(anonymous, "/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().path("catalog").asText()).isEqualTo("UP");
    Answer metrics = get(anonymous, "/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text()).contains("sluice_polls_waiting").contains("jvm_memory_used_bytes");
  }

  @Test
  void missingOrWrongCredentialsAre401AndAWorkerCertificateIs403() throws Exception {
    Answer none = get(anonymous, "/api/v1/workers");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.body().path("hint").asText()).contains("sluice tokens create");

    Answer badToken = send(anonymous, "GET", "/api/v1/workers", null, "sluice_nope");
    assertThat(badToken.status()).isEqualTo(401);

    Answer asWorker = get(workerCertificate, "/api/v1/workers");
    assertThat(asWorker.status()).isEqualTo(403);
    assertThat(asWorker.body().path("error").asText()).contains("not an administrator");
  }

  @Test
  void anAdministratorCertificateOrATokenManagesWorkers() throws Exception {
    Answer list = get(admin, "/api/v1/workers");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).hasSize(1);
    assertThat(list.body().get(0).path("status").asText()).isEqualTo("disabled");

    String token = new ApiTokens(cluster.jdbi()).create("ci", "tester");
    Answer enabled =
        send(anonymous, "POST", "/api/v1/workers/" + worker.id + "/enable", null, token);
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.body().path("enabled").asBoolean()).isTrue();
    assertThat(worker.heartbeat().enabled()).isTrue();

    Answer changed =
        send(
            admin,
            "PATCH",
            "/api/v1/workers/" + worker.id,
            "{\"displayName\":\"etl-1\",\"tags\":[\"linux\",\"big\"]}",
            null);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().path("displayName").asText()).isEqualTo("etl-1");
    assertThat(changed.body().path("tags")).hasSize(2);

    Answer removed = send(admin, "DELETE", "/api/v1/workers/" + worker.id, null, null);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().path("status").asText()).isEqualTo("removed");
    TestWorker.Answer refused =
        worker.post(
            "/api/worker/v1/heartbeat",
            new AgentHeartbeat("w1", "", java.util.List.of(), "host", 1, java.util.List.of()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error().error()).contains("was removed");
  }

  @Test
  void badInputIsAnswered400Or413WithAMessageAndChangesNothing() throws Exception {
    String path = "/api/v1/workers/" + worker.id;
    Answer malformed = send(admin, "PATCH", path, "{\"displayName\":", null);
    Answer unknownField = send(admin, "PATCH", path, "{\"colour\":\"red\"}", null);
    Answer oversized =
        send(admin, "PATCH", path, "{\"description\":\"" + "x".repeat(70_000) + "\"}", null);
    Answer badId = send(admin, "POST", "/api/v1/workers/not-an-id/enable", null, null);
    Answer unknownId =
        send(admin, "POST", "/api/v1/workers/" + UUID.randomUUID() + "/enable", null, null);

    for (Answer a : new Answer[] {malformed, unknownField, oversized, badId}) {
      assertThat(a.status()).as(a.text()).isEqualTo(a == oversized ? 413 : 400);
      assertThat(a.body().path("error").asText()).isNotBlank();
      assertThat(a.body().path("hint").asText()).isNotBlank();
      assertThat(a.text()).doesNotContain("Exception").doesNotContain("at io.");
    }
    assertThat(unknownField.body().path("error").asText()).contains("unknown field 'colour'");
    assertThat(oversized.body().path("error").asText()).contains("too large");
    assertThat(unknownId.status()).isEqualTo(404);
    assertThat(cluster.workers().get(worker.id.toString()).displayName()).isEqualTo("w1");
  }

  @Test
  void aDisplayNameOrTagThatDoesNotShowAsItselfAndAnOverlongDescriptionAreRefused()
      throws Exception {
    String path = "/api/v1/workers/" + worker.id;
    // JSON escapes: the master receives the characters themselves.
    Answer bidi = send(admin, "PATCH", path, "{\"displayName\":\"etl\\u202e1\"}", null);
    Answer zeroWidth = send(admin, "PATCH", path, "{\"tags\":[\"linux\",\"g\\u200bpu\"]}", null);
    Answer description =
        send(admin, "PATCH", path, "{\"description\":\"" + "x".repeat(1025) + "\"}", null);

    for (Answer a : new Answer[] {bidi, zeroWidth, description}) {
      assertThat(a.status()).as(a.text()).isEqualTo(400);
      assertThat(a.body().path("hint").asText()).isNotBlank();
    }
    assertThat(bidi.body().path("error").asText())
        .isEqualTo(
            "worker display name 'etl<U+202E>1' contains U+202E RIGHT-TO-LEFT OVERRIDE, an"
                + " invisible character that changes how the name is shown");
    assertThat(zeroWidth.body().path("error").asText())
        .startsWith("worker tag 'g<U+200B>pu' contains U+200B ZERO WIDTH SPACE");
    assertThat(description.body().path("error").asText())
        .isEqualTo(
            "worker description is 1,025 characters long: the limit is 1,024, as in SSIS's"
                + " catalog");
    // Token names were limited to letters, digits, '.', '_' and '-' already; the refusal shows it.
    assertThatThrownBy(() -> new ApiTokens(cluster.jdbi()).create("ci\u202Eexe", "tester"))
        .hasMessage("token name 'ci<U+202E>exe' is not valid");
    WorkerAgent unchanged = cluster.workers().get(worker.id.toString());
    assertThat(unchanged.displayName()).isEqualTo("w1");
    assertThat(unchanged.tags()).containsExactly("test");
    assertThat(unchanged.description()).isEqualTo("test worker");
  }

  @Test
  void anUnknownEndpointIsAnswered404WithAJsonErrorReply() throws Exception {
    Answer answer = get(admin, "/api/v1/nothing");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("error").asText())
        .as(answer.text())
        .isEqualTo("no such endpoint: GET /api/v1/nothing");
    assertThat(answer.body().path("hint").asText()).contains("docs/rest-api.md");
  }

  @Test
  void theWorkerApiIsNotServedOnTheManagementPort() throws Exception {
    Answer answer = send(workerCertificate, "POST", "/api/worker/v1/heartbeat", "{}", null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("hint").asText()).contains("worker port");
  }
}
