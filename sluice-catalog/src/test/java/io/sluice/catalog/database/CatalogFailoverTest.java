package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.folder.Folder;
import io.sluice.catalog.testing.RestartableCatalogServer;
import io.sluice.catalog.testing.TestCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog work across a catalog outage, on a PostgreSQL server of the test's own that it stops,
 * restarts, turns read-only and whose sessions it ends.
 */
class CatalogFailoverTest {

  private static RestartableCatalogServer server;
  private static CatalogDatabase database;
  private static Catalog catalog;

  @BeforeAll
  static void open() {
    server = RestartableCatalogServer.start();
    database = CatalogDatabase.open(server.location());
    catalog = new LocalCatalog(new CatalogContext(database, TestCatalog.cipher(), "tester"));
    database.jdbi().useHandle(h -> h.execute("create table failover_probe (attempt int)"));
  }

  @BeforeEach
  void retryAsAMasterDoes() {
    database.failover().retryFor(Duration.ofSeconds(30));
  }

  @AfterAll
  static void close() {
    database.close();
    server.close();
  }

  @Test
  void aCatalogCallWaitsForTheServerToComeBackAndThenSucceeds() throws Exception {
    database.failover().retryFor(Duration.ofSeconds(60));
    server.stop();
    CompletableFuture<Folder> call =
        CompletableFuture.supplyAsync(() -> catalog.folders().create("after-restart", ""));
    await().atMost(Duration.ofSeconds(30)).until(() -> database.failover().outage().isPresent());
    assertThat(call).isNotDone();
    assertThat(database.failover().outage().get().readOnly()).isFalse();

    server.restart();

    assertThat(call.get(60, TimeUnit.SECONDS).name()).isEqualTo("after-restart");
    assertThat(catalog.folders().list()).extracting(Folder::name).containsOnlyOnce("after-restart");
    assertThat(database.failover().outage()).isEmpty();
  }

  @Test
  void aReadOnlyCatalogIsRetriedUntilItAcceptsWritesAgain() throws Exception {
    server.setReadOnly(true);
    CompletableFuture<Folder> call;
    try {
      call = CompletableFuture.supplyAsync(() -> catalog.folders().create("after-read-only", ""));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> database.failover().outage().map(o -> o.readOnly()).orElse(false));
      assertThat(call).isNotDone();
    } finally {
      server.setReadOnly(false);
    }
    assertThat(call.get(60, TimeUnit.SECONDS).name()).isEqualTo("after-read-only");
    assertThat(catalog.folders().list())
        .extracting(Folder::name)
        .containsOnlyOnce("after-read-only");
  }

  @Test
  void afterTheFailoverTimeoutTheCallFailsAsBefore() {
    database.failover().retryFor(Duration.ofMillis(500));
    server.setReadOnly(true);
    try {
      assertThatThrownBy(() -> catalog.folders().create("never", ""))
          .hasStackTraceContaining("read-only transaction");
      assertThat(database.failover().outage()).isPresent();
    } finally {
      server.setReadOnly(false);
    }
    assertThat(catalog.folders().list()).extracting(Folder::name).doesNotContain("never");
  }

  @Test
  void withoutRetryTheFirstFailureIsFinal() {
    database.failover().retryFor(Duration.ZERO);
    server.setReadOnly(true);
    AtomicInteger attempts = new AtomicInteger();
    try {
      assertThatThrownBy(
              () ->
                  database
                      .jdbi()
                      .useTransaction(
                          h -> {
                            attempts.incrementAndGet();
                            h.execute("insert into failover_probe values (0)");
                          }))
          .hasStackTraceContaining("read-only transaction");
    } finally {
      server.setReadOnly(false);
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aTransactionWhoseConnectionBreaksMidwayRunsAgainAsAWhole() {
    database.jdbi().useHandle(h -> h.execute("delete from failover_probe"));
    AtomicInteger attempts = new AtomicInteger();

    database
        .jdbi()
        .useTransaction(
            h -> {
              int attempt = attempts.incrementAndGet();
              h.execute("insert into failover_probe values (?)", attempt);
              if (attempt == 1) {
                server.terminateSession(backendPid(h));
                h.execute("insert into failover_probe values (?)", -attempt); // fails: 57P01
              }
            });

    assertThat(attempts).hasValue(2);
    // The first attempt's insert went with its transaction: only the second attempt's row is there.
    List<Integer> rows =
        database
            .jdbi()
            .withHandle(
                h -> h.createQuery("select attempt from failover_probe").mapTo(int.class).list());
    assertThat(rows).containsExactly(2);
  }

  @Test
  void aCommitThatBreaksOnTheWayIsNotRetriedSinceItMayHaveBeenApplied() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useTransaction(
                        h -> {
                          attempts.incrementAndGet();
                          h.execute("insert into failover_probe values (100)");
                          server.terminateSession(backendPid(h)); // COMMIT comes next
                        }))
        .hasMessageContaining("commit");

    assertThat(attempts).hasValue(1);
  }

  private static int backendPid(org.jdbi.v3.core.Handle h) {
    return h.createQuery("select pg_backend_pid()").mapTo(int.class).one();
  }
}
