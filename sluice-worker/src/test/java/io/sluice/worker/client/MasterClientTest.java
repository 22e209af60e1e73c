package io.sluice.worker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.TlsSetupException;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.testing.TestCertificates;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against REAL masters (on a real catalog) over real HTTPS with real certificates: a
 * master started with a wrong certificate shows the client's diagnostics of what a worker meets in
 * the field. The masters share one catalog database; every test has a CA and worker certificate of
 * its own, so a worker of its own.
 */
class MasterClientTest {

  @TempDir Path dir;
  private static CatalogUnderTest catalog;
  private TestCertificates certs;
  private final List<Master> masters = new ArrayList<>();

  private static final AgentHeartbeat BEAT =
      new AgentHeartbeat("w", "", List.of(), "host", 2, List.of());

  @BeforeAll
  static void openCatalog() {
    catalog = CatalogUnderTest.open();
  }

  @AfterAll
  static void closeCatalog() {
    catalog.close();
  }

  @BeforeEach
  void certificates() {
    certs = new TestCertificates(dir);
  }

  @AfterEach
  void stop() {
    masters.forEach(Master::close);
  }

  /** A master presenting {@code <base>.crt} and trusting the test's cluster CA, on a free port. */
  private Master master(String base, CatalogUnderTest on) {
    Master master =
        Master.start(
            MasterSettings.defaults(
                    dir.resolve(base + ".crt"), dir.resolve(base + ".key"), dir.resolve("ca.crt"))
                .withPorts(0, 0),
            on.catalog(),
            on.context());
    masters.add(master);
    return master;
  }

  private Master master(String base) {
    return master(base, catalog);
  }

  private void close(Master master) {
    masters.remove(master);
    master.close();
  }

  private static String endpoint(Master master) {
    return "https://localhost:" + master.workerPort();
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
    Master a = master("master");
    Master b = master("master");
    MasterClient client = client(dead, endpoint(a), endpoint(b));

    Instant start = Instant.now();
    AgentHeartbeatReply reply = client.heartbeat(BEAT, Duration.ofSeconds(10));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
    assertThat(reply.workerId()).isNotNull();
    assertThat(client.currentEndpoint()).isEqualTo(URI.create(endpoint(a)));

    client.heartbeat(BEAT, Duration.ofSeconds(10));
    assertThat(client.currentEndpoint())
        .as("the live one sticks")
        .isEqualTo(URI.create(endpoint(a)));

    close(a); // a failover: the next endpoint takes over within the backoff cap
    start = Instant.now();
    assertThat(client.heartbeat(BEAT, Duration.ofSeconds(10)).workerId())
        .as("the same worker to every master of the catalog")
        .isEqualTo(reply.workerId());
    assertThat(client.currentEndpoint()).isEqualTo(URI.create(endpoint(b)));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void whenNoMasterAnswersTheCallGivesUpAtItsDeadlineWithTheReason() throws Exception {
    MasterClient client = client("https://localhost:" + freePort());
    Instant start = Instant.now();
    assertThatThrownBy(() -> client.heartbeat(BEAT, Duration.ofMillis(1500)))
        .isInstanceOf(MasterUnavailableException.class)
        .hasMessageContaining("refused the connection");
    // Not a timing target: it proves the call ends near its 1.5 s deadline rather than retrying
    // for a request timeout (30 s); the upper bound leaves room for a loaded machine.
    assertThat(Duration.between(start, Instant.now()))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(5000));
  }

  @Test
  void aMasterCertificateFromAnotherCaIsExplained() throws Exception {
    Path other = dir.resolve("other");
    CertificateAuthority.create("Other CA", Duration.ofDays(1))
        .issueServer(List.of("localhost"), Duration.ofDays(1))
        .writePem(dir, "foreign");
    Master a = master("foreign");
    assertThatThrownBy(() -> client(endpoint(a)).heartbeat(BEAT, Duration.ofMillis(300)))
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
    Master a = master("elsewhere");
    assertThatThrownBy(() -> client(endpoint(a)).heartbeat(BEAT, Duration.ofMillis(300)))
        .hasMessageContaining("the master certificate does not name localhost")
        .extracting(e -> ((MasterException) e).hint())
        .asString()
        .contains("sluice cert master --name localhost");
  }

  @Test
  void anExpiredMasterCertificateIsExplained() throws Exception {
    certs.issueServer("expired", List.of("localhost"), Duration.ofMinutes(-1));
    Master a = master("expired");
    assertThatThrownBy(() -> client(endpoint(a)).heartbeat(BEAT, Duration.ofMillis(300)))
        .hasMessageContaining("has expired")
        .extracting(e -> ((MasterException) e).hint())
        .asString()
        .contains("sluice cert master --name localhost");
  }

  @Test
  void aWorkerCertificateTheMasterDoesNotTrustIsExplained() throws Exception {
    CertificateAuthority foreign = CertificateAuthority.create("Other CA", Duration.ofDays(1));
    foreign.issueClient("intruder", Duration.ofDays(1)).writePem(dir, "worker");
    Master a = master("master");
    assertThatThrownBy(() -> client(endpoint(a)).heartbeat(BEAT, Duration.ofMillis(300)))
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
    Master a = master("master");
    UUID id = client(endpoint(a)).heartbeat(BEAT, Duration.ofSeconds(5)).workerId();
    new WorkerAgents(catalog.jdbi()).remove(id.toString()); // sluice workers remove ID
    // b serves another catalog, which has never seen this worker: it would register it and answer.
    try (CatalogUnderTest other = CatalogUnderTest.open()) {
      Master b = master("master", other);
      MasterClient client = client(endpoint(a), endpoint(b));
      assertThatThrownBy(() -> client.heartbeat(BEAT, Duration.ofSeconds(5)))
          .isInstanceOf(MasterRefusedException.class)
          .hasMessageContaining("worker " + id + " was removed")
          .satisfies(e -> assertThat(((MasterRefusedException) e).workerNotAccepted()).isTrue());
      assertThat(client.currentEndpoint()).isEqualTo(URI.create(endpoint(a)));
      assertThat(new WorkerAgents(other.jdbi()).list()).as("b was never asked").isEmpty();
      close(b); // before its catalog
    }
  }
}
