package io.sluice.http;

import static io.sluice.http.HttpTaskTest.assertNoSecret;
import static io.sluice.http.HttpTaskTest.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import io.sluice.http.TestHttpServer.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS against the JDK's HTTPS server with certificates of a test CA made by the helpers Sluice's
 * own TLS uses: a server the JVM does not trust is refused before the token is sent, a PEM file of
 * its CA makes it trusted (and its name is still checked), a pinned fingerprint trusts exactly one
 * certificate whatever its name.
 */
class HttpsTest {

  @TempDir static Path keys;
  @TempDir Path dir;

  static TestHttpServer.Tls tls;
  static TestHttpServer server;
  static TestHttpServer.Tls otherName;
  static TestHttpServer misnamed;

  @BeforeAll
  static void start() throws Exception {
    tls = TestHttpServer.Tls.issue(keys);
    server = TestHttpServer.https(tls).route("/ping", r -> Answer.of(200, "text/plain", "pong"));
    otherName = TestHttpServer.Tls.issue(keys, List.of("rates.internal"));
    misnamed =
        TestHttpServer.https(otherName).route("/ping", r -> Answer.of(200, "text/plain", "pong"));
  }

  @BeforeEach
  void forget() {
    server.requests.clear();
    misnamed.requests.clear();
  }

  @AfterAll
  static void stop() {
    server.close();
    misnamed.close();
  }

  @Test
  void aServerTheJvmDoesNotTrustIsRefusedBeforeTheTokenIsSent() {
    RecordedEvents events = ping(server, "");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                        "task 'Ping': GET "
                            + server.url()
                            + "/ping (connection 'Api'): TLS failed, trusting the JVM's trusted"
                            + " authorities: ")
                    && m.contains("hint: trust the server's CA with trustedCertificates"));
    assertThat(server.requests).isEmpty();
  }

  @Test
  void thePemFileOfTheServersCaMakesItTrustedAndTheNameIsStillChecked() {
    RecordedEvents trusted = ping(server, ", trustedCertificates: '" + tls.caPem() + "'");
    assertThat(trusted.result.succeeded()).as(trusted.all()).isTrue();
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer " + HttpTaskTest.TOKEN);

    // a certificate of the trusted CA, but for another name than the URL's host
    RecordedEvents wrongName = ping(misnamed, ", trustedCertificates: '" + otherName.caPem() + "'");
    assertThat(wrongName.result.succeeded()).isFalse();
    assertThat(wrongName.messages(MessageType.ERROR))
        .anyMatch(m -> m.contains("(connection 'Api'): TLS failed, trusting the certificates of"));
    assertThat(misnamed.requests).isEmpty();
  }

  @Test
  void aPinnedFingerprintTrustsThatCertificateWhateverItsNameAndNoOther() {
    RecordedEvents pinned =
        ping(misnamed, ", certificateFingerprint: '" + otherName.fingerprint() + "'");
    assertThat(pinned.result.succeeded()).as(pinned.all()).isTrue();

    // openssl's way of writing it, lower case and with its prefix, is the same pin
    RecordedEvents asOpensslWrites =
        ping(
            misnamed,
            ", certificateFingerprint: 'sha256:"
                + otherName.fingerprint().toLowerCase(java.util.Locale.ROOT)
                + "'");
    assertThat(asOpensslWrites.result.succeeded()).as(asOpensslWrites.all()).isTrue();

    RecordedEvents other =
        ping(server, ", certificateFingerprint: '" + otherName.fingerprint() + "'");
    assertThat(other.result.succeeded()).isFalse();
    assertThat(other.messages(MessageType.ERROR))
        .anyMatch(
            m ->
                m.contains(
                        "TLS failed: the server's certificate (SHA-256 "
                            + tls.fingerprint()
                            + ") is not the one certificateFingerprint pins")
                    && m.contains("hint: if the server's certificate was renewed"));
  }

  private RecordedEvents ping(TestHttpServer target, String tlsSettings) {
    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.of(
                project(
                    HttpTaskTest.connection(
                        "serverUrl: '"
                            + target.url()
                            + "', expressions: {token: '@[$Project::Token]'}"
                            + tlsSettings),
                    "tasks:\n  - {name: Ping, type: Http, httpConnection: Api, path: ping}\n")),
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of("Token", HttpTaskTest.TOKEN), Map.of()));
    assertNoSecret(events);
    return events;
  }
}
