package io.sluice.master.catalogapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import io.sluice.protocol.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog REST API on a real master over real HTTPS: what it answers to good requests, and that
 * bad ones get 400/401/403/404/409/413 with a message and a hint, never a stack trace and never a
 * half-done change.
 */
class CatalogApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private ScaleOutCluster cluster;
  private HttpClient anonymous;
  private HttpClient admin;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(tmp);
    cluster.ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(tmp, "alice");
    anonymous = client(TlsContexts.sslContext(null, TlsContexts.trustStore(tmp.resolve("ca.crt"))));
    admin =
        client(
            TlsContexts.sslContext(
                TlsContexts.keyStore(tmp.resolve("alice.crt"), tmp.resolve("alice.key")),
                TlsContexts.trustStore(tmp.resolve("ca.crt"))));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static HttpClient client(javax.net.ssl.SSLContext ssl) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl).build();
  }

  private record Answer(int status, JsonNode body, String text) {
    String error() {
      return body.path("error").asText();
    }

    String hint() {
      return body.path("hint").asText();
    }
  }

  private Answer send(
      HttpClient client, String method, String path, HttpRequest.BodyPublisher body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("https://localhost:" + cluster.master.managementPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), json, response.body());
  }

  private Answer send(HttpClient client, String method, String path, String json) throws Exception {
    return send(
        client,
        method,
        path,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json),
        null);
  }

  @Test
  void foldersProjectsAndExecutionsRoundTripAsTheirCatalogRecords() throws Exception {
    Answer created =
        send(admin, "POST", "/api/v1/folders", "{\"name\":\"Month End\",\"description\":\"d\"}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.body().path("name").asText()).isEqualTo("Month End");
    assertThat(created.body().path("createdBy").asText()).isEqualTo("alice");

    Answer folder = send(admin, "GET", "/api/v1/folders/Month%20End", null);
    assertThat(folder.status()).as(folder.text()).isEqualTo(200);
    assertThat(folder.body().path("description").asText()).isEqualTo("d");

    byte[] archive = TestProjects.project("Q").withPackage("Load", "").pack(tmp);
    Answer deployed =
        send(
            admin,
            "POST",
            "/api/v1/folders/Month%20End/projects",
            HttpRequest.BodyPublishers.ofByteArray(archive),
            null);
    assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
    assertThat(deployed.body().path("versionNumber").asInt()).isEqualTo(1);

    Answer execution =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            "{\"folder\":\"Month End\",\"project\":\"Q\",\"packageName\":\"Load\","
                + "\"runInScaleOut\":true}");
    assertThat(execution.status()).as(execution.text()).isEqualTo(201);
    long id = execution.body().path("executionId").asLong();
    Answer started = send(admin, "POST", "/api/v1/executions/" + id + "/start", null);
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(started.body().path("status").asInt()).isEqualTo(5);
    assertThat(started.body().path("callerName").asText()).isEqualTo("alice");

    Answer listed =
        send(admin, "GET", "/api/v1/executions?folder=Month%20End&status=pending", null);
    assertThat(listed.body()).hasSize(1);
    assertThat(cluster.catalog().operations().list(OperationFilter.all()))
        .anySatisfy(op -> assertThat(op.callerName()).isEqualTo("alice"));
  }

  @Test
  void propertyOverridesAreSetCheckedAndShownWithConnectionStringsHidden() throws Exception {
    send(admin, "POST", "/api/v1/folders", "{\"name\":\"F\"}");
    byte[] archive =
        TestProjects.project("Q")
            .withPackage(
                "Load",
                """
                variables:
                  - {name: Day, type: Int32, value: 1}
                connections:
                  - {name: Warehouse, type: jdbc, url: 'jdbc:postgresql://old/dw'}
                """)
            .pack(tmp);
    send(
        admin,
        "POST",
        "/api/v1/folders/F/projects",
        HttpRequest.BodyPublishers.ofByteArray(archive),
        null);
    Answer execution =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            "{\"folder\":\"F\",\"project\":\"Q\",\"packageName\":\"Load\"}");
    String overrides =
        "/api/v1/executions/" + execution.body().path("executionId") + "/property-overrides";

    Answer day =
        send(
            admin,
            "POST",
            overrides,
            "{\"propertyPath\":\"\\\\Package.Variables[User::Day].Value\",\"value\":\"5\"}");
    Answer url =
        send(
            admin,
            "POST",
            overrides,
            "{\"propertyPath\":\"\\\\Package.Connections[Warehouse].Properties[ConnectionString]\","
                + "\"value\":\"jdbc:postgresql://new/dw?password=p4ss-w0rd\"}");
    assertThat(day.status()).as(day.text()).isEqualTo(204);
    assertThat(url.status()).as(url.text()).isEqualTo(204);

    Answer badValue =
        send(
            admin,
            "POST",
            overrides,
            "{\"propertyPath\":\"\\\\Package.Variables[User::Day].Value\",\"value\":\"Monday\"}");
    Answer unknown =
        send(
            admin,
            "POST",
            overrides,
            "{\"propertyPath\":\"\\\\Package.Connections[Nope].Properties[ConnectionString]\","
                + "\"value\":\"x\"}");
    Answer noPath = send(admin, "POST", overrides, "{\"value\":\"x\"}");
    assertThat(badValue.status()).as(badValue.text()).isEqualTo(400);
    assertThat(badValue.error()).contains("User::Day is Int32");
    assertThat(badValue.hint()).contains("\\Package.Variables[User::Name].Value");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).contains("its connections: Warehouse");
    assertThat(noPath.status()).isEqualTo(400);
    assertThat(noPath.error()).contains("propertyPath");

    Answer shown = send(admin, "GET", overrides, null);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.text()).doesNotContain("p4ss-w0rd");
    assertThat(shown.body()).hasSize(2);
    assertThat(shown.body().get(0).path("value").asText()).isEqualTo("5");
    assertThat(shown.body().get(1).path("sensitive").asBoolean()).isTrue();
    assertThat(shown.body().get(1).path("value").isNull()).isTrue();
  }

  @Test
  void catalogRefusalsKeepTheirMessageAndHintAs404And409And400() throws Exception {
    Answer missing = send(admin, "GET", "/api/v1/folders/Nope", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error()).isEqualTo("folder 'Nope' does not exist");
    assertThat(missing.hint()).contains("sluice catalog folders list");

    Answer duplicate = send(admin, "POST", "/api/v1/folders", "{\"name\":\"F\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.error()).contains("already exists");

    Answer badName = send(admin, "POST", "/api/v1/folders", "{\"name\":\"@odd\"}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.error()).contains("starts with '@'");

    // The findings of a review: a bidi override in a name, 900 KB in a description.
    Answer bidi = send(admin, "POST", "/api/v1/folders", "{\"name\":\"evil\\u202etxt.exe\"}");
    assertThat(bidi.status()).isEqualTo(400);
    assertThat(bidi.error())
        .isEqualTo(
            "folder name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT OVERRIDE, an"
                + " invisible character that changes how the name is shown");
    assertThat(bidi.hint()).contains("type the name again");
    Answer huge =
        send(
            admin,
            "POST",
            "/api/v1/folders",
            "{\"name\":\"G\",\"description\":\"" + "x".repeat(900 * 1024) + "\"}");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.error())
        .isEqualTo(
            "folder description is 921,600 characters long: the limit is 1,024, as in SSIS's"
                + " catalog");
    assertThat(cluster.catalog().folders().list()).extracting(f -> f.name()).containsExactly("F");

    Answer badArchive =
        send(
            admin,
            "POST",
            "/api/v1/folders/F/projects",
            HttpRequest.BodyPublishers.ofString("not a zip"),
            null);
    assertThat(badArchive.status()).as(badArchive.text()).isEqualTo(400);
    assertThat(badArchive.hint()).isNotBlank();
  }

  @Test
  void badInputIsA400Or413WithAMessageAndChangesNothing() throws Exception {
    Answer malformed = send(admin, "POST", "/api/v1/folders", "{\"name\":");
    Answer unknownField = send(admin, "POST", "/api/v1/folders", "{\"name\":\"G\",\"colour\":1}");
    Answer missingField = send(admin, "POST", "/api/v1/folders", "{\"description\":\"x\"}");
    Answer oversized =
        send(
            admin,
            "POST",
            "/api/v1/folders",
            "{\"name\":\"G\",\"description\":\"" + "x".repeat(1_100_000) + "\"}");
    Answer badId = send(admin, "GET", "/api/v1/executions/abc", null);
    Answer badOperationId = send(admin, "GET", "/api/v1/operations/-1", null);
    Answer badTime = send(admin, "GET", "/api/v1/executions?since=yesterday", null);
    Answer badStatus = send(admin, "GET", "/api/v1/executions?status=sleepy", null);
    Answer badVersion =
        send(admin, "POST", "/api/v1/folders/F/projects/P/versions/one/restore", null);
    Answer both =
        send(
            admin,
            "PUT",
            "/api/v1/folders/F/projects/P/parameters/X",
            "{\"value\":\"1\",\"reference\":\"V\"}");

    for (Answer a :
        new Answer[] {
          malformed,
          unknownField,
          missingField,
          oversized,
          badId,
          badOperationId,
          badTime,
          badStatus,
          badVersion,
          both
        }) {
      assertThat(a.status()).as(a.text()).isEqualTo(a == oversized ? 413 : 400);
      assertThat(a.error()).isNotBlank();
      assertThat(a.hint()).isNotBlank();
      assertThat(a.text()).doesNotContain("Exception").doesNotContain("at io.");
    }
    assertThat(unknownField.error()).contains("unknown field 'colour'");
    assertThat(missingField.error()).contains("'name' is missing");
    assertThat(oversized.error()).contains("too large");
    assertThat(badId.error()).contains("'abc' is not a valid execution id");
    assertThat(cluster.catalog().folders().list()).extracting(f -> f.name()).containsExactly("F");
  }

  @Test
  void anArchiveOrAFileInItOverItsLimitIs413AsJsonAndNothingIsStored() throws Exception {
    // Issue 11: this 31 KB archive, a 30 MB project.yaml, took a master from 357 MB to 1.96 GB of
    // memory and five CPU-minutes, and stored nothing.
    byte[] oversizedFile =
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    ("name: Big\ndescription: \"" + "a".repeat(30 * 1024 * 1024) + "\"\n")
                        .getBytes(StandardCharsets.UTF_8),
                    "packages/Load.yaml",
                    "tasks: []\n".getBytes(StandardCharsets.UTF_8)))
            .toArchive();
    // A zip bomb: 65 MiB of zeros beside a valid project pack into some 65 KB.
    byte[] bomb =
        ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    "name: Bomb\n".getBytes(StandardCharsets.UTF_8),
                    "packages/Load.yaml",
                    "tasks: []\n".getBytes(StandardCharsets.UTF_8),
                    "data/zeros.bin",
                    new byte[65 * 1024 * 1024]))
            .toArchive();

    Answer file = deploy(oversizedFile);
    Answer unpacked = deploy(bomb);

    assertThat(oversizedFile.length).isLessThan(100 * 1024);
    assertThat(file.status()).as(file.text()).isEqualTo(413);
    assertThat(file.error())
        .isEqualTo(
            "1 problem in the project:\n  project.yaml: is larger than 2 MiB (2,097,152 bytes),"
                + " the most a project or package file may hold");
    assertThat(file.hint()).contains("split a large package").endsWith("nothing was stored");
    assertThat(unpacked.status()).as(unpacked.text()).isEqualTo(413);
    assertThat(unpacked.error()).contains("(archive): the archive unpacks to more than 64 MiB");
    assertThat(unpacked.hint()).contains("keep data files out of the project folder");
    assertThat(cluster.catalog().projects().list("F"))
        .extracting(p -> p.name())
        .doesNotContain("Big", "Bomb");
  }

  @Test
  void anIspacToAMasterWithoutTheImporterIs501NamingTheWayThatWorks() throws Exception {
    // sluice-master's own class path has no sluice-ssis, as a master built without it: the
    // isolated import cannot start, and the answer says so instead of "no project.yaml".
    byte[] ispac =
        ProjectFiles.of(
                Map.of(
                    "@Project.manifest",
                    "<SSIS:Project xmlns:SSIS=\"www.microsoft.com/SqlServer/SSIS\"/>"
                        .getBytes(StandardCharsets.UTF_8),
                    "Load.dtsx",
                    "<DTS:Executable/>".getBytes(StandardCharsets.UTF_8)))
            .toArchive();

    Answer answer = deploy(ispac);

    assertThat(answer.status()).as(answer.text()).isEqualTo(501);
    assertThat(answer.error()).contains("this master cannot import SSIS projects");
    assertThat(answer.hint()).contains("sluice catalog deploy X.ispac");
    assertThat(cluster.catalog().projects().list("F")).extracting(p -> p.name()).containsOnly("P");
  }

  private Answer deploy(byte[] archive) throws Exception {
    return send(
        admin,
        "POST",
        "/api/v1/folders/F/projects",
        HttpRequest.BodyPublishers.ofByteArray(archive),
        null);
  }

  @Test
  void withoutCredentials401AndAReadOnlyTokenMayReadButNotChange() throws Exception {
    Answer none = send(anonymous, "GET", "/api/v1/folders", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.hint()).contains("sluice tokens create");
    Answer noneChanging = send(anonymous, "DELETE", "/api/v1/folders/F", null);
    assertThat(noneChanging.status()).isEqualTo(401);

    String reader = new ApiTokens(cluster.jdbi()).create("dashboard", "tester", Role.READ);
    Answer read =
        send(anonymous, "GET", "/api/v1/folders", HttpRequest.BodyPublishers.noBody(), reader);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).hasSize(1);

    Answer change =
        send(
            anonymous,
            "POST",
            "/api/v1/folders",
            HttpRequest.BodyPublishers.ofString("{\"name\":\"G\"}"),
            reader);
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.error()).contains("token:dashboard may only read");
    assertThat(change.hint()).contains("--read-only");
    Answer delete =
        send(anonymous, "DELETE", "/api/v1/folders/F", HttpRequest.BodyPublishers.noBody(), reader);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(cluster.catalog().folders().list()).extracting(f -> f.name()).containsExactly("F");
    assertThat(cluster.catalog().projects().list("F")).hasSize(1);
  }

  @Test
  void anExecutionThatCannotRunAsItStandsIsRefusedOrSaysWhyInItsAnswers() throws Exception {
    UUID w1 = cluster.newWorker("w1").heartbeat().workerId(); // registers disabled
    UUID gone = cluster.newWorker("gone").heartbeat().workerId();
    cluster.workers().remove(gone.toString());
    String load = "{\"folder\":\"F\",\"project\":\"P\",\"packageName\":\"Load\",";

    Answer removed =
        send(admin, "POST", "/api/v1/executions", load + "\"workerAgentIds\":[\"" + gone + "\"]}");
    Answer unknown =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            load + "\"runInScaleOut\":true,\"workerAgentIds\":[\"" + UUID.randomUUID() + "\"]}");
    assertThat(removed.status()).as(removed.text()).isEqualTo(409);
    assertThat(removed.error())
        .isEqualTo("worker " + gone + " was removed: an execution named for it could never run");
    assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
    assertThat(cluster.catalog().executions().list(ExecutionFilter.all()))
        .as("nothing is created")
        .isEmpty();

    Answer created =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            load + "\"runInScaleOut\":true,\"workerAgentIds\":[\"" + w1 + "\"]}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().path("executionId").asLong();
    String why =
        "execution "
            + id
            + " may run only on worker w1, which is disabled: it waits until the worker is"
            + " enabled (sluice workers enable w1)";
    assertThat(created.body().path("warnings").get(0).asText()).isEqualTo(why);
    Answer started = send(admin, "POST", "/api/v1/executions/" + id + "/start", null);
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(started.body().path("status").asInt()).isEqualTo(5);
    assertThat(started.body().path("warnings")).hasSize(1);
    assertThat(started.body().path("warnings").get(0).asText()).isEqualTo(why);
    Answer asked = send(admin, "GET", "/api/v1/executions/" + id + "/warnings", null);
    assertThat(asked.body().get(0).asText()).isEqualTo(why);

    Answer tagged =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            load + "\"runInScaleOut\":true,\"requiredWorkerTags\":[\"gpu\"]}");
    assertThat(tagged.status()).as(tagged.text()).isEqualTo(201);
    long taggedId = tagged.body().path("executionId").asLong();
    assertThat(cluster.catalog().executions().get(taggedId).requiredWorkerTags())
        .containsExactly("gpu");
    assertThat(tagged.body().path("warnings").get(0).asText())
        .as("w1 lacks the tag: enabling it would not help")
        .isEqualTo(
            "no enabled worker has the tag gpu: execution "
                + taggedId
                + " waits until one has it (sluice workers set WORKER --tags gpu, then sluice"
                + " workers enable WORKER)");

    Answer serverMode =
        send(
            admin,
            "POST",
            "/api/v1/executions",
            load + "\"runInScaleOut\":false,\"workerAgentIds\":[\"" + w1 + "\"]}");
    assertThat(serverMode.status()).as(serverMode.text()).isEqualTo(400);
    assertThat(serverMode.error())
        .isEqualTo(
            "the workers named for it choose Scale Out workers, but this execution does not run"
                + " in Scale Out");
  }

  @Test
  void headAndOptionsAreReadsForAReadOnlyToken() throws Exception {
    String reader = new ApiTokens(cluster.jdbi()).create("dashboard", "tester", Role.READ);

    Answer head =
        send(anonymous, "HEAD", "/api/v1/folders", HttpRequest.BodyPublishers.noBody(), reader);
    Answer options =
        send(anonymous, "OPTIONS", "/api/v1/folders", HttpRequest.BodyPublishers.noBody(), reader);
    Answer adminOptions =
        send(admin, "OPTIONS", "/api/v1/folders", HttpRequest.BodyPublishers.noBody(), null);

    assertThat(head.status()).as("HEAD is a read: " + head.text()).isEqualTo(200);
    assertThat(head.text()).as("a HEAD answer has no body").isEmpty();
    assertThat(options.status())
        .as("OPTIONS is answered as it is for an administrator: " + options.text())
        .isNotEqualTo(403)
        .isEqualTo(adminOptions.status());
    assertThat(cluster.catalog().folders().list()).extracting(f -> f.name()).containsExactly("F");
  }

  @Test
  void namesWithReservedCharactersAreReachedEncoded() throws Exception {
    for (String name : new String[] {"a/b", "50% off", "x?y#z"}) {
      String json = JSON.writeValueAsString(java.util.Map.of("name", name));
      assertThat(send(admin, "POST", "/api/v1/folders", json).status()).isEqualTo(201);
      String encoded =
          java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20");
      Answer folder = send(admin, "GET", "/api/v1/folders/" + encoded, null);
      assertThat(folder.status()).as(name + ": " + folder.text()).isEqualTo(200);
      assertThat(folder.body().path("name").asText()).isEqualTo(name);
    }
  }
}
