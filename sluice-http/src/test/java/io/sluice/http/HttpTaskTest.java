package io.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import io.sluice.http.TestHttpServer.Answer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Http task as a package runs it, against the JDK's HTTP server started here: requests as they
 * arrive (method, path, headers, body, credentials), answers kept in variables and files, statuses
 * that fail the task, and a timeout. HTTPS is {@link HttpsTest}'s.
 */
class HttpTaskTest {

  static final String PASSWORD = "Tr0ub4dor&3-http";
  static final String TOKEN = "tok-5f1d8a7e-secret";

  TestHttpServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = TestHttpServer.http();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aGetPutsTheResponseInAVariableWhichAPostSendsBackWithItsHeaders() {
    server.route(
        "/v1/rates",
        r -> Answer.of(200, "application/json; charset=UTF-8", "{\"EUR\": 1.08, \"note\": \"ü\"}"));
    server.route("/v1/echo", r -> Answer.of(201, "text/plain", "stored"));

    RecordedEvents events =
        run(
            connection("serverUrl: %s/v1".formatted(server.url())),
            """
            variables:
              - {name: Rates, type: String, value: ""}
              - {name: Status, type: Int32, value: 0}
            tasks:
              - name: Fetch
                type: Http
                httpConnection: Api
                path: rates?day=2024-01-31
                headers: {Accept: application/json, X-Request-Id: "42"}
                output: User::Rates
                statusVariable: User::Status
              - name: Send back
                type: Http
                after: [Fetch]
                httpConnection: Api
                method: POST
                bodySourceType: variable
                body: User::Rates
                contentType: application/json
                expressions:
                  path: '"echo?status=" + (DT_WSTR,5)@[User::Status]'
            """);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    TestHttpServer.Request get = server.requests.get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.uri().toString()).isEqualTo("/v1/rates?day=2024-01-31");
    assertThat(get.header("Accept")).isEqualTo("application/json");
    assertThat(get.header("X-Request-Id")).isEqualTo("42");
    assertThat(get.header("Authorization")).isNull();
    assertThat(get.header("Upgrade")).as("no h2c upgrade offer over plain HTTP").isNull();
    TestHttpServer.Request post = server.requests.get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.uri().toString()).isEqualTo("/v1/echo?status=200");
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
    assertThat(post.text()).isEqualTo("{\"EUR\": 1.08, \"note\": \"ü\"}");
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(
            m ->
                m.startsWith("GET " + server.url() + "/v1/rates?day=2024-01-31 answered HTTP 200")
                    && m.endsWith("26 characters into User::Rates"))
        .anyMatch(
            m -> m.startsWith("POST " + server.url() + "/v1/echo?status=200 answered HTTP 201"));
  }

  @Test
  void aBodyFromAFileConnectionIsSentAsItsBytesAndAResponseIsWrittenToAFile() throws Exception {
    byte[] upload = new byte[300_000];
    for (int i = 0; i < upload.length; i++) {
      upload[i] = (byte) (i * 31);
    }
    Path in = Files.write(dir.resolve("upload.bin"), upload);
    byte[] report = "id;amount\n1;12.50\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    Path out = dir.resolve("report.csv");
    Files.writeString(out, "an older report");
    server.route("/files/upload.bin", r -> Answer.of(204, "text/plain", ""));
    server.route("/report.csv", r -> new Answer(200, Map.of("Content-Type", "text/csv"), report));

    RecordedEvents events =
        run(
            connection("serverUrl: " + server.url() + "/")
                + "  - {name: Upload, type: file, path: '%s'}\n".formatted(in)
                + "  - {name: Report, type: file, path: '%s'}\n".formatted(out),
            """
            tasks:
              - name: Put
                type: Http
                httpConnection: Api
                method: PUT
                path: /files/upload.bin
                bodySourceType: fileConnection
                body: Upload
              - name: Get report
                type: Http
                after: [Put]
                httpConnection: Api
                path: report.csv
                outputType: fileConnection
                output: Report
            """);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    TestHttpServer.Request put = server.requests.get(0);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(put.body()).isEqualTo(upload);
    assertThat(Files.readAllBytes(out)).isEqualTo(report);
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(m -> m.endsWith(report.length + " bytes into " + out));
    try (var files = Files.list(dir)) {
      assertThat(files).as("no part file left").noneMatch(f -> f.toString().endsWith(".part"));
    }
  }

  @Test
  void basicBearerAndHeaderCredentialsArriveFromSensitiveParametersAndAreNeverShown() {
    server.route("/who", r -> Answer.of(200, "text/plain", "ok"));

    RecordedEvents events =
        run(
            ("  - {name: Basic, type: http, serverUrl: '%1$s', user: etl,"
                    + " expressions: {password: '@[$Project::Password]'}}\n"
                    + "  - {name: Bearer, type: http, serverUrl: '%1$s',"
                    + " expressions: {token: '@[$Project::Token]'}}\n"
                    + "  - {name: Key, type: http, serverUrl: '%1$s', authentication: header,"
                    + " tokenHeader: X-Api-Key, expressions: {token: '@[$Project::Token]'}}\n")
                .formatted(server.url()),
            """
            tasks:
              - {name: As basic, type: Http, httpConnection: Basic, path: who}
              - {name: As bearer, type: Http, httpConnection: Bearer, path: who, after: [As basic]}
              - {name: As key, type: Http, httpConnection: Key, path: who, after: [As bearer]}
            """);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("etl:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(server.requests.get(0).header("Authorization")).isEqualTo(basic);
    assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.requests.get(2).header("X-Api-Key")).isEqualTo(TOKEN);
    assertThat(server.requests.get(2).header("Authorization")).isNull();
    assertNoSecret(events);
  }

  @Test
  void a404And500FailTheTaskNamingMethodUrlStatusAndTheStartOfTheAnswer() {
    server.route(
        "/v1/boom",
        r -> Answer.of(500, "text/plain", "NullReferenceException at line 12\n" + "x".repeat(500)));

    RecordedEvents missing =
        run(
            bearer(server.url() + "/v1"),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api, path: 'nothing?q=1'}\n");
    RecordedEvents failed =
        run(
            bearer(server.url() + "/v1"),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api, method: DELETE,"
                + " path: boom}\n");

    assertThat(missing.result.succeeded()).isFalse();
    assertThat(missing.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                        "task 'Fetch': GET "
                            + server.url()
                            + "/v1/nothing?q=1 answered HTTP 404 (connection 'Api'): no route"
                            + " /v1/nothing")
                    && m.contains("hint: check path and method"));
    assertThat(failed.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                        "task 'Fetch': DELETE "
                            + server.url()
                            + "/v1/boom answered HTTP 500 (connection 'Api'):"
                            + " NullReferenceException at line 12 xxx")
                    && m.contains("x ...; hint: the server failed")
                    && !m.contains("x".repeat(200)));
    assertNoSecret(missing);
    assertNoSecret(failed);
  }

  @Test
  void statusesListedAsSuccessSucceedAndTheStatusReachesItsVariable() {
    server.route("/item", r -> Answer.of(404, "text/plain", "not there"));
    server.route("/check", r -> Answer.of(200, "text/plain", "fine"));

    RecordedEvents events =
        run(
            connection("serverUrl: " + server.url()),
            """
            variables:
              - {name: Status, type: Int32, value: 0}
            tasks:
              - name: Look up
                type: Http
                httpConnection: Api
                path: item
                statusVariable: User::Status
                successStatusCodes: [200-299, 404]
              - name: Report
                type: Http
                after: [Look up]
                httpConnection: Api
                expressions:
                  path: '"check?status=" + (DT_WSTR,5)@[User::Status]'
            """);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(server.last().uri().toString()).isEqualTo("/check?status=404");
  }

  @Test
  void aServerSlowerThanTheTimeoutFailsTheTaskSayingSo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.route(
        "/slow",
        r -> {
          release.await(30, TimeUnit.SECONDS);
          return Answer.of(200, "text/plain", "late");
        });
    try {
      RecordedEvents events =
          run(
              connection("serverUrl: " + server.url() + ", timeout: 1"),
              "tasks:\n  - {name: Wait, type: Http, httpConnection: Api, path: slow}\n");

      assertThat(events.result.succeeded()).isFalse();
      assertThat(events.messages(MessageType.ERROR))
          .anyMatch(
              m ->
                  m.contains(
                          "task 'Wait': GET "
                              + server.url()
                              + "/slow (connection 'Api'): no answer within 1 s")
                      && m.contains("hint: raise the connection's timeout"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void stoppingTheExecutionEndsATaskWaitingForItsAnswer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.route(
        "/slow",
        r -> {
          release.await(60, TimeUnit.SECONDS);
          return Answer.of(200, "text/plain", "late");
        });
    try {
      long started = System.nanoTime();
      RecordedEvents events =
          TestRuns.runStoppingOn(
              ProjectFiles.of(
                  project(
                      connection("serverUrl: " + server.url() + ", timeout: 60"),
                      "tasks:\n  - {name: Wait, type: Http, httpConnection: Api, path: slow}\n")),
              dir.resolve("jars"),
              "sending GET " + server.url() + "/slow");

      assertThat(events.result.status()).as(events.all()).isEqualTo(RunResult.Status.CANCELED);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aPortNobodyListensOnFailsWithTheUrlAndAHint() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    RecordedEvents events =
        run(
            connection("serverUrl: 'http://localhost:%d/api'".formatted(closed)),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api, path: rates}\n");

    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.equals(
                    "task 'Fetch': GET http://localhost:%d/api/rates (connection 'Api'): cannot connect: connection refused; hint: check serverUrl of connection 'Api', and that the server runs and is reachable from here"
                        .formatted(closed)));
  }

  @Test
  void aRedirectIsFollowedButTheCredentialsStayWithTheConnectionsServer() throws Exception {
    try (TestHttpServer other = TestHttpServer.http()) {
      other.route("/elsewhere", r -> Answer.of(200, "text/plain", "moved here"));
      server.route("/same", r -> Answer.of(200, "text/plain", "same"));
      server.route("/old", r -> new Answer(302, Map.of("Location", "/same"), new byte[0]));
      server.route(
          "/away",
          r ->
              new Answer(
                  307,
                  Map.of("Location", "http://127.0.0.1:" + other.port() + "/elsewhere"),
                  new byte[0]));

      RecordedEvents events =
          run(
              bearer(server.url()),
              """
              tasks:
                - {name: Same server, type: Http, httpConnection: Api, path: old}
                - {name: Other server, type: Http, httpConnection: Api, path: away,
                   after: [Same server]}
              """);

      assertThat(events.result.succeeded()).as(events.all()).isTrue();
      assertThat(server.requests)
          .extracting(r -> r.uri().getPath())
          .containsExactly("/old", "/same", "/away");
      assertThat(server.requests)
          .allMatch(r -> ("Bearer " + TOKEN).equals(r.header("Authorization")));
      assertThat(other.requests)
          .singleElement()
          .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }
  }

  @Test
  void aRedirectLoopAndARedirectOutOfHttpFailNamingWhere() {
    server.route("/loop", r -> new Answer(302, Map.of("Location", "/loop"), new byte[0]));
    server.route("/ftp", r -> new Answer(301, Map.of("Location", "ftp://files/x"), new byte[0]));

    RecordedEvents loop =
        run(
            connection("serverUrl: " + server.url()),
            "tasks:\n  - {name: Go, type: Http, httpConnection: Api, path: loop}\n");
    RecordedEvents ftp =
        run(
            connection("serverUrl: " + server.url()),
            "tasks:\n  - {name: Go, type: Http, httpConnection: Api, path: ftp}\n");

    assertThat(loop.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                    "task 'Go': GET "
                        + server.url()
                        + "/loop was redirected more than 5 times, last to /loop"));
    assertThat(server.requests.stream().filter(r -> r.uri().getPath().equals("/loop"))).hasSize(6);
    assertThat(ftp.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                    "task 'Go': "
                        + server.url()
                        + "/ftp redirects to 'ftp://files/x', which is not an http or https URL"));
  }

  @Test
  void aMissingBodyFileAndAMissingOutputFolderFailNamingTheFileAndTheConnection() {
    server.route("/data", r -> Answer.of(200, "text/plain", "rows"));
    Path absent = dir.resolve("absent.json");
    Path noFolder = dir.resolve("no-such-folder").resolve("out.txt");

    RecordedEvents body =
        run(
            connection("serverUrl: " + server.url())
                + "  - {name: Payload, type: file, path: '%s'}\n".formatted(absent),
            "tasks:\n  - {name: Send, type: Http, httpConnection: Api, method: POST, path: data,"
                + " bodySourceType: fileConnection, body: Payload}\n");
    RecordedEvents output =
        run(
            connection("serverUrl: " + server.url())
                + "  - {name: Out, type: file, path: '%s', usage: createFile}\n"
                    .formatted(noFolder),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api, path: data,"
                + " outputType: fileConnection, output: Out}\n");

    assertThat(body.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                    "task 'Send': the body's file "
                        + absent
                        + " (connection 'Payload') is not a readable file"));
    assertThat(server.requests)
        .as("nothing sent without its body or its output's folder")
        .isEmpty();
    assertThat(output.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                    "task 'Fetch': the folder of output file "
                        + noFolder
                        + " (connection 'Out') does not exist"));
  }

  @Test
  void aProxyGetsTheRequestForTheServer() throws Exception {
    try (TestHttpServer proxy = TestHttpServer.http()) {
      // a forward proxy gets the absolute URL in the request line; this one answers itself
      proxy.route("/rates", r -> Answer.of(200, "text/plain", "via proxy"));

      RecordedEvents events =
          run(
              connection(
                  "serverUrl: http://rates.invalid:8080, proxyUrl: 'http://localhost:%d'"
                      .formatted(proxy.port())),
              "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api, path: rates}\n");

      assertThat(events.result.succeeded()).as(events.all()).isTrue();
      assertThat(proxy.last().uri().toString()).isEqualTo("http://rates.invalid:8080/rates");
    }
  }

  @Test
  void aSecretWrittenInTheConnectionIsMaskedEvenWhenTheServerRepeatsIt() {
    server.route(
        "/login",
        r -> Answer.of(401, "text/plain", "invalid credentials: " + r.header("Authorization")));

    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.of(
                project(
                    "  - {name: Api, type: http, serverUrl: '%s', token: '%s'}\n"
                        .formatted(server.url(), TOKEN),
                    "tasks:\n  - {name: Log in, type: Http, httpConnection: Api, path: login}\n")),
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of(), Map.of()));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains("answered HTTP 401 (connection 'Api'): invalid credentials: Bearer ")
                    && m.contains("hint: check the authentication"));
    assertNoSecret(events);
  }

  @Test
  void aServerEchoingTheBasicCredentialsInItsRefusalDoesNotPutThemInAMessage() {
    server.route(
        "/login", r -> Answer.of(403, "text/plain", "forbidden for " + r.header("Authorization")));
    String encoded =
        Base64.getEncoder().encodeToString(("etl:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    RecordedEvents events =
        run(
            connection(
                "serverUrl: '%s', user: etl, expressions: {password: '@[$Project::Password]'}"
                    .formatted(server.url())),
            "tasks:\n  - {name: Log in, type: Http, httpConnection: Api, path: login}\n");

    assertThat(server.last().header("Authorization")).isEqualTo("Basic " + encoded);
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m -> m.contains("answered HTTP 403 (connection 'Api'): forbidden for Basic ********"));
    assertThat(events.all()).doesNotContain(encoded);
  }

  @Test
  void misspeltSettingsAreRefusedAtValidationAsABuiltInsAre() {
    List<String> problems =
        problems(
            project(
                "  - {name: Api, type: http, serverUrll: 'http://localhost', authentication: oauth}\n",
                """
                tasks:
                  - name: Fetch
                    type: Http
                    httpConnection: Api
                    method: FETCH
                    pth: rates
                """));

    assertThat(String.join("\n", problems))
        .contains("unknown key 'serverUrll' in an http connection; did you mean 'serverUrl'?")
        .contains("'authentication' must be one of none, basic, bearer, header, not 'oauth'")
        .contains("unknown key 'pth' in an Http task; did you mean 'path'?")
        .contains("'method' must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
  }

  @Test
  void theTokenMayComeOnlyFromASensitiveParameterAndOtherSettingsMayNot() {
    List<String> problems =
        problems(
            project(
                "  - {name: Api, type: http, serverUrl: 'http://localhost',"
                    + " expressions: {tokenHeader: '@[$Project::Token]'}}\n",
                "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api}\n"));

    assertThat(String.join("\n", problems)).contains("Token").contains("'tokenHeader'");
  }

  @Test
  void whatOnlyTheTaskCanCheckIsReportedBeforeAnythingIsSent() {
    RecordedEvents events =
        run(
            connection("serverUrl: " + server.url()),
            """
            tasks:
              - name: Fetch
                type: Http
                httpConnection: Api
                body: '{"a": 1}'
                headers: {Host: example.com}
                output: User::Missing
                successStatusCodes: [200, 2xx]
            """);

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.all())
        .contains("a GET request sends no body; use POST, PUT or PATCH")
        .contains("headers: Host is set by the HTTP client itself")
        .contains("output: variable 'User::Missing' does not exist")
        .contains("successStatusCodes: '2xx' is not an HTTP status");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void aConnectionTheHttpTypeRefusesFailsNamingTaskAndConnectionWithoutTheSecret() {
    RecordedEvents userInUrl =
        run(
            connection("serverUrl: 'http://etl:%s@localhost:1/'".formatted(PASSWORD)),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api}\n");
    RecordedEvents otherServer =
        run(
            bearer(server.url()),
            "tasks:\n  - {name: Fetch, type: Http, httpConnection: Api,"
                + " path: 'http://example.com/x'}\n");

    assertThat(userInUrl.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.startsWith(
                    "task 'Fetch': connection 'Api': serverUrl holds a user name or password"));
    assertThat(userInUrl.all()).doesNotContain(PASSWORD);
    assertThat(otherServer.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                    "task 'Fetch': path http://example.com/x is not on the connection's server"));
    assertThat(server.requests).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  /** Connection Api with the settings given (YAML flow-map entries). */
  static String connection(String settings) {
    return "  - {name: Api, type: http, " + settings + "}\n";
  }

  static String bearer(String url) {
    return connection("serverUrl: '" + url + "', expressions: {token: '@[$Project::Token]'}");
  }

  private RecordedEvents run(String connections, String mainPackage) {
    Map<String, Object> values = new HashMap<>(Map.of("Password", PASSWORD, "Token", TOKEN));
    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.of(project(connections, mainPackage)),
            dir.resolve("jars"),
            "main",
            new ParameterValues(values, Map.of()));
    assertNoSecret(events);
    return events;
  }

  static void assertNoSecret(RecordedEvents events) {
    assertThat(events.all()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
  }

  static Map<String, byte[]> project(String connections, String mainPackage) {
    Map<String, byte[]> files = new HashMap<>();
    files.put(
        "project.yaml",
        bytes(
            "name: http\nparameters:\n"
                + "  - {name: Password, type: String, sensitive: true, default: ''}\n"
                + "  - {name: Token, type: String, sensitive: true, default: ''}\n"
                + "connections:\n"
                + connections));
    files.put("packages/main.yaml", bytes(mainPackage));
    return files;
  }

  static List<String> problems(Map<String, byte[]> files) {
    try {
      ProjectParser.parse(ProjectFiles.of(files));
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
