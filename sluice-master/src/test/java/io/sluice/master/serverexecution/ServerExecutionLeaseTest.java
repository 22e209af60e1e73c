package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.Master;
import io.sluice.master.ScaleOutCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server-mode execution is leased by the master that runs it: the leading master ends one whose
 * master stopped renewing (6, naming that master), a master that runs one keeps its lease, and a
 * master that cannot renew stops its run itself. Real PostgreSQL, real masters; the runner's own
 * clock is controlled where its deadline matters.
 */
class ServerExecutionLeaseTest {

  private static final Duration LEASE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private ScaleOutCluster cluster;
  private ServerExecutor executor;

  @BeforeEach
  void start() {
    // The cluster's master leads and checks leases every 100 ms; it runs no server executions
    // itself, so each test decides who runs what.
    cluster = ScaleOutCluster.start(dir, s -> s.withServerExecutions(0));
    cluster.catalog().projects().deploy("F", project());
    executor = new ServerExecutor(cluster.catalog(), cluster.under.context());
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.master.leaderLease().isLeader());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theLeaderEndsAnExecutionWhoseMasterStoppedRenewing() {
    long id = startServerExecution("Long");
    // What a master killed with -9 right after its claim leaves: its lease, renewed by no one.
    assertThat(executor.claimPending(1, "master-gone", LEASE)).containsExactly(id);

    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> state(id) == OperationStatus.RUNNING); // the lease holds: nobody ends it
    expireLease(id);

    await().atMost(Duration.ofSeconds(5)).until(() -> state(id).isFinal());
    assertThat(state(id)).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(messages(id))
        .anyMatch(m -> m.contains("master master-gone stopped renewing its lease"));
  }

  @Test
  void aMasterRunningAnExecutionKeepsItsLeaseLongerThanTheLeaseLasts() {
    // A 1 s lease on a 3 s run: only renewals keep the leader from ending it.
    Master runner =
        cluster.startAnotherMaster(
            s ->
                s.withServerExecutions(1)
                    .withLease(
                        Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(100)));
    try {
      long id = startServerExecution("Short");
      await().atMost(Duration.ofSeconds(30)).until(() -> state(id).isFinal());
      assertThat(state(id)).as("%s", messages(id)).isEqualTo(OperationStatus.SUCCEEDED);
      assertThat(leaseHolder(id)).isEqualTo(runner.name());
    } finally {
      runner.close();
    }
  }

  @Test
  void aMasterThatWasNotRunningStopsItsRunAndSaysSoNotThatTheCatalogDidNotAnswer() {
    AtomicLong clock = new AtomicLong();
    ServerExecutionLeases leases =
        new ServerExecutionLeases(cluster.jdbi(), "master-1", LEASE, clock::get); // not started
    long id = startServerExecution("Long");
    ServerExecutionLeases.Held lease = claim(leases, id);
    CompletableFuture<OperationStatus> run =
        CompletableFuture.supplyAsync(() -> executor.runClaimed(id, lease));
    await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(id));

    // 7 s on: a renewal reaches the catalog, so the run may go on until 7 + 8 s.
    clock.addAndGet(Duration.ofSeconds(7).toNanos());
    leases.renew();
    clock.addAndGet(Duration.ofSeconds(7).toNanos());
    leases.stopOverdue();
    assertThat(lease.lostBecause()).isNull();
    assertThat(state(id)).isEqualTo(OperationStatus.RUNNING);

    // Then no renewal was even sent until L - L/5 after the last one: what a master stopped with
    // SIGSTOP (or starved of CPU) sees when it runs again. Its own fault, not the catalog's.
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    leases.stopOverdue();
    assertThat(run.join()).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(leases.held()).isEmpty();
    assertThat(lease.lostBecause())
        .isEqualTo(
            "master master-1 did not get to renew its lease on the execution for 8.0 s (a renewal"
                + " is due every 2000 ms): the master itself was not running (paused, e.g. SIGSTOP,"
                + " or overloaded), not the catalog, so it stopped the run before another master"
                + " could take it as lost");
    assertThat(messages(id))
        .anyMatch(m -> m.startsWith("the run was stopped: master master-1 did not get to renew"))
        .noneMatch(m -> m.contains("catalog did not answer"));
  }

  @Test
  void aRenewalRefusedAfterAPauseSaysTheMasterWasPaused() {
    AtomicLong clock = new AtomicLong();
    ServerExecutionLeases leases =
        new ServerExecutionLeases(cluster.jdbi(), "master-1", LEASE, clock::get);
    long id = startServerExecution("Long");
    ServerExecutionLeases.Held lease = claim(leases, id);
    CompletableFuture<OperationStatus> run =
        CompletableFuture.supplyAsync(() -> executor.runClaimed(id, lease));
    await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(id));

    // Paused 40 s: the lease ran out in the catalog meanwhile; the first thing to run again is the
    // renewal, which the catalog refuses.
    clock.addAndGet(Duration.ofSeconds(40).toNanos());
    jdbi(
        "update execution set server_lease_expires_at = now() - interval '1 millisecond'"
            + " where execution_id = "
            + id); // just run out: the leader's grace has not passed
    leases.renew();

    assertThat(run.join()).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(lease.lostBecause())
        .isEqualTo(
            "master master-1 did not get to renew its lease on the execution for 40.0 s (a"
                + " renewal is due every 2000 ms): the master itself was not running (paused, e.g."
                + " SIGSTOP, or overloaded), not the catalog, so its lease on the execution ran"
                + " out");
  }

  @Test
  void aMasterWhoseRenewalsFailStopsItsRunAndSaysTheCatalogDidNotAnswer() throws Exception {
    AtomicLong clock = new AtomicLong();
    // Its renewals go to a port nobody listens on: what a catalog that is down looks like.
    ServerExecutionLeases leases =
        new ServerExecutionLeases(
            Jdbi.create("jdbc:postgresql://127.0.0.1:" + closedPort() + "/sluice", "x", "x"),
            "master-1",
            LEASE,
            clock::get);
    long id = startServerExecution("Long");
    ServerExecutionLeases.Held lease = claim(leases, id);
    CompletableFuture<OperationStatus> run =
        CompletableFuture.supplyAsync(() -> executor.runClaimed(id, lease));
    await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(id));

    for (int i = 0; i < 4; i++) {
      clock.addAndGet(Duration.ofSeconds(2).toNanos());
      assertThatThrownBy(leases::renew).isInstanceOf(RuntimeException.class);
      leases.stopOverdue();
    }

    assertThat(run.join()).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(lease.lostBecause())
        .startsWith(
            "master master-1 could not renew its lease on the execution within 8000 ms: the"
                + " catalog did not answer (Connection to 127.0.0.1:")
        .contains("refused")
        .endsWith(", so it stopped the run before another master could take it as lost");
  }

  @Test
  void aRenewalACatalogDoesNotAnswerIsToldApartFromAPauseOfTheMaster() throws Exception {
    // A catalog that takes connections and never answers (frozen): a renewal waits on it.
    try (ServerSocket frozen = new ServerSocket(0)) {
      CompletableFuture<Socket> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return frozen.accept();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      AtomicLong clock = new AtomicLong();
      ServerExecutionLeases waiting =
          new ServerExecutionLeases(
              Jdbi.create(
                  "jdbc:postgresql://127.0.0.1:" + frozen.getLocalPort() + "/sluice", "x", "x"),
              "master-1",
              LEASE,
              clock::get);
      long first = startServerExecution("Long");
      ServerExecutionLeases.Held slow = claim(waiting, first);
      CompletableFuture<OperationStatus> run =
          CompletableFuture.supplyAsync(() -> executor.runClaimed(first, slow));
      await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(first));

      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      CompletableFuture<Void> renewal = CompletableFuture.runAsync(waiting::renew);
      try (Socket connection = accepted.get(10, TimeUnit.SECONDS)) {
        // The master goes on running (its check every L/20); the catalog never answers.
        for (int i = 0; i < 14 && slow.lostBecause() == null; i++) {
          clock.addAndGet(Duration.ofMillis(500).toNanos());
          waiting.stopOverdue();
        }
        assertThat(run.join()).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
        assertThat(slow.lostBecause())
            .isEqualTo(
                "master master-1 could not renew its lease on the execution within 8000 ms: the"
                    + " catalog has not answered the renewal sent 7.0 s ago, so it stopped the run"
                    + " before another master could take it as lost");
      }
      assertThat(renewal).failsWithin(Duration.ofSeconds(10)); // the catalog hung up

      // The same wait, but the whole master was stopped meanwhile (its check did not run either):
      // the renewal's answer may well have come; the master did not run to take it.
      CompletableFuture<Socket> acceptedAgain =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return frozen.accept();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      long second = startServerExecution("Long");
      ServerExecutionLeases.Held paused = claim(waiting, second);
      CompletableFuture<OperationStatus> pausedRun =
          CompletableFuture.supplyAsync(() -> executor.runClaimed(second, paused));
      await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(second));
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      CompletableFuture<Void> pausedRenewal = CompletableFuture.runAsync(waiting::renew);
      try (Socket connection = acceptedAgain.get(10, TimeUnit.SECONDS)) {
        waiting.stopOverdue();
        clock.addAndGet(Duration.ofSeconds(40).toNanos());
        waiting.stopOverdue();
        assertThat(pausedRun.join()).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
        assertThat(paused.lostBecause())
            .startsWith(
                "master master-1 did not get to renew its lease on the execution for 40.0 s")
            .doesNotContain("catalog has not answered");
      }
      assertThat(pausedRenewal).failsWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  void theLeaderSaysWhetherTheMasterThatStoppedRenewingIsGoneOrBack() {
    long gone = startServerExecution("Long");
    assertThat(executor.claimPending(1, "master-gone", LEASE)).containsExactly(gone);
    long back = startServerExecution("Long");
    assertThat(executor.claimPending(1, "master-back", LEASE)).containsExactly(back);
    // master-gone's heartbeat stopped before its lease ran out; master-back's came back after.
    jdbi(
        "insert into master_node (master_name, machine_name, address, port,"
            + " certificate_fingerprint, last_online_time) values"
            + " ('master-gone', 'm1', 'm1', 1, 'f1', now() - interval '90 seconds'),"
            + " ('master-back', 'm2', 'm2', 2, 'f2', now())");
    jdbi(
        "update execution set server_lease_expires_at = now() - interval '1 minute'"
            + " where execution_id in ("
            + gone
            + ", "
            + back
            + ")");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> state(gone).isFinal() && state(back).isFinal());
    assertThat(messages(gone))
        .anyMatch(
            m ->
                m.startsWith("master master-gone stopped renewing its lease on this execution")
                    && m.matches(
                        ".*, 6[0-2] s ago\\); its heartbeat stopped too \\(the last 9[0-2] s ago\\): it.*")
                    && m.contains(
                        "was paused, overloaded or killed, or is cut off from the catalog"))
        .noneMatch(m -> m.contains("did not answer"));
    assertThat(messages(back))
        .anyMatch(
            m ->
                m.contains(
                    "its heartbeat has come back since, so it was paused or overloaded for longer"
                        + " than the lease"));
  }

  private ServerExecutionLeases.Held claim(ServerExecutionLeases leases, long id) {
    long sentAt = leases.now();
    assertThat(executor.claimPending(1, leases.holder(), leases.duration())).containsExactly(id);
    return leases.hold(id, sentAt);
  }

  private static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aRenewalTheCatalogRefusesStopsTheRunAtOnce() throws Exception {
    ServerExecutionLeases leases = new ServerExecutionLeases(cluster.jdbi(), "master-1", LEASE);
    long id = startServerExecution("Long");
    long sentAt = leases.now();
    assertThat(executor.claimPending(1, leases.holder(), leases.duration())).containsExactly(id);
    ServerExecutionLeases.Held lease = leases.hold(id, sentAt);
    CompletableFuture<OperationStatus> run =
        CompletableFuture.supplyAsync(() -> executor.runClaimed(id, lease));
    await().atMost(Duration.ofSeconds(10)).until(() -> packageStarted(id));

    // The lease ran out in the catalog (a long pause of this master, say): it cannot renew it back.
    jdbi(
        "update execution set server_lease_expires_at = now() - interval '1 millisecond'"
            + " where execution_id = "
            + id);
    leases.renew();

    OperationStatus ended = run.get();
    assertThat(ended).isIn(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(lease.lostBecause()).contains("lost its lease");
  }

  private long startServerExecution(String packageName) {
    long id =
        cluster
            .catalog()
            .executions()
            .create(CreateExecution.of("F", "S", packageName).inScaleOut(false));
    cluster.catalog().executions().start(id, 0);
    return id;
  }

  private void expireLease(long id) {
    jdbi(
        "update execution set server_lease_expires_at = now() - interval '1 minute'"
            + " where execution_id = "
            + id);
  }

  private void jdbi(String sql) {
    cluster.jdbi().useHandle(h -> h.execute(sql));
  }

  private String leaseHolder(long id) {
    return cluster
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select server_lease_holder from execution where execution_id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  private OperationStatus state(long id) {
    return cluster.catalog().executions().get(id).state();
  }

  private boolean packageStarted(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .anyMatch(m -> m.messageType() == 30);
  }

  private List<String> messages(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .map(m -> m.message())
        .toList();
  }

  /** Short sleeps 3 s; Long sleeps a minute (it is stopped long before). */
  private static byte[] project() {
    return ProjectFiles.of(
            Map.of(
                "project.yaml", bytes("name: S\n"),
                "packages/Short.yaml", bytes(sleeping("3")),
                "packages/Long.yaml", bytes(sleeping("60"))))
        .toArchive();
  }

  private static String sleeping(String seconds) {
    return """
        tasks:
          - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "%s"}
        """
        .formatted(seconds);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
