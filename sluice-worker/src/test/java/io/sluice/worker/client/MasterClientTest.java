package io.sluice.worker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.TlsSetupException;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.testing.FakeMaster;
import io.sluice.worker.testing.TestCertificates;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against real HTTPS servers with real certificates. */
class MasterClientTest {

  @TempDir Path dir;
  private TestCertificates certs;
  private FakeMaster a;
  private FakeMaster b;

  private static final AgentHeartbeat BEAT =
      new AgentHeartbeat("w", "", List.of(), "host", 2, List.of());

  @BeforeEach
  void certificates() {
    certs = new TestCertificates(dir);
  }

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private MasterClient client(String... endpoints) {
    return new MasterClient(certs.workerSettings(List.of(endpoints), ""));
  }

  @Test
  void aDeadEndpointIsSkippedInListOrderAndTheLiveOneSticks() throws Exception {
    String dead = "https://localhost:" + freePort();
    a = FakeMaster.start(certs.masterContext("master"), 0);
    b = FakeMaster.start(certs.masterContext("master"), 0);
    MasterClient client = client(dead, a.endpoint(), b.endpoint());

    Instant start = Instant.now();
    AgentHeartbeatReply reply = client.heartbeat(BEAT, Duration.ofSeconds(10));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
    assertThat(reply.workerId()).isEqualTo(a.workerId);
    assertThat(client.currentEndpoint()).isEqualTo(URI.create(a.endpoint()));

    client.heartbeat(BEAT, Duration.ofSeconds(10));
    assertThat(a.agentHeartbeats.get()).isEqualTo(2);
    assertThat(b.agentHeartbeats.get()).isZero();

    a.close(); // a failover: the next endpoint takes over within the backoff cap
    a = null;
    start = Instant.now();
    assertThat(client.heartbeat(BEAT, Duration.ofSeconds(10)).workerId()).isEqualTo(b.workerId);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void whenNoMasterAnswersTheCallGivesUpAtItsDeadlineWithTheReason() throws Exception {
    MasterClient client = client("https://localhost:" + freePort());
    Instant start = Instant.now();
    assertThatThrownBy(() -> client.heartbeat(BEAT, Duration.ofMillis(1500)))
        .isInstanceOf(MasterUnavailableException.class)
        .hasMessageContaining("refused the connection");
    assertThat(Duration.between(start, Instant.now()))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(2500));
  }

  @Test
  void aMasterCertificateFromAnotherCaIsExplained() throws Exception {
    Path other = dir.resolve("other");
    CertificateAuthority.create("Other CA", Duration.ofDays(1))
        .issueServer(List.of("localhost"), Duration.ofDays(1))
        .writePem(dir, "foreign");
    a = FakeMaster.start(certs.masterContext("foreign"), 0);
    assertThatThrownBy(() -> client(a.endpoint()).heartbeat(BEAT, Duration.ofMillis(300)))
        .hasMessageContaining(
            "the master's certificate is not signed by the CA in " + dir.resolve("ca.crt"))
        .extracting(e -> ((MasterException) e).hint())
        .asString()
        .contains("tls.ca");
    assertThat(other).doesNotExist();
  }

  @Test
  void aHostNameMissingFromTheMasterCertificateIsExplained() throws Exception {
    certs.issueServer("elsewhere", List.of("master-9.example.com"), Duration.ofDays(1));
    a = FakeMaster.start(certs.masterContext("elsewhere"), 0);
    assertThatThrownBy(() -> client(a.endpoint()).heartbeat(BEAT, Duration.ofMillis(300)))
        .hasMessageContaining("the master certificate does not name localhost")
        .extracting(e -> ((MasterException) e).hint())
        .asString()
        .contains("sluice cert master --name localhost");
  }

  @Test
  void anExpiredMasterCertificateIsExplained() throws Exception {
    certs.issueServer("expired", List.of("localhost"), Duration.ofMinutes(-1));
    a = FakeMaster.start(certs.masterContext("expired"), 0);
    assertThatThrownBy(() -> client(a.endpoint()).heartbeat(BEAT, Duration.ofMillis(300)))
        .hasMessageContaining("has expired")
        .extracting(e -> ((MasterException) e).hint())
        .asString()
        .contains("sluice cert master --name localhost");
  }

  @Test
  void aWorkerCertificateTheMasterDoesNotTrustIsExplained() throws Exception {
    CertificateAuthority foreign = CertificateAuthority.create("Other CA", Duration.ofDays(1));
    foreign.issueClient("intruder", Duration.ofDays(1)).writePem(dir, "worker");
    a = FakeMaster.start(certs.masterContext("master"), 0);
    assertThatThrownBy(() -> client(a.endpoint()).heartbeat(BEAT, Duration.ofMillis(300)))
        .isInstanceOf(MasterUnavailableException.class)
        .hasMessageContaining("refused this worker's certificate " + dir.resolve("worker.crt"));
  }

  @Test
  void anExpiredWorkerCertificateIsRefusedBeforeAnyConnection() {
    certs.ca().issueClient("old", Duration.ofMinutes(-1)).writePem(dir, "worker");
    WorkerSettings settings = certs.workerSettings(List.of("https://localhost:1"), "");
    assertThatThrownBy(() -> new MasterClient(settings))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aRefusedWorkerGetsTheMastersReasonAndNoFailover() throws Exception {
    a = FakeMaster.start(certs.masterContext("master"), 0);
    b = FakeMaster.start(certs.masterContext("master"), 0);
    a.refuseWith = 403;
    MasterClient client = client(a.endpoint(), b.endpoint());
    assertThatThrownBy(() -> client.heartbeat(BEAT, Duration.ofSeconds(5)))
        .isInstanceOf(MasterRefusedException.class)
        .hasMessageContaining("worker refused")
        .satisfies(e -> assertThat(((MasterRefusedException) e).workerNotAccepted()).isTrue());
    assertThat(b.agentHeartbeats.get()).isZero();
  }
}
