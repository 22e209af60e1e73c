package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.PostgresBinaries;
import io.sluice.catalog.testing.ReplicatedPostgres;
import io.sluice.cli.catalog.CliRun.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice execute --wait} only reads while it follows an execution, and the execution goes on
 * without it: it must ride through a failover of the catalog's PostgreSQL (primary killed, standby
 * promoted) as the masters do, not fail with a broken connection. Real streaming replication, from
 * the PostgreSQL binaries on this machine.
 */
class ExecuteWaitFailoverTest {

  @TempDir Path tmp;

  @Test
  void executeWaitFollowsItsExecutionThroughACatalogFailover() throws Exception {
    assumeTrue(PostgresBinaries.find().isPresent(), "needs " + PostgresBinaries.whereLooked());
    Path keyFile = tmp.resolve("catalog.key");
    try (ReplicatedPostgres pair = ReplicatedPostgres.start()) {
      CliRun sluice = new CliRun(pair.location(), keyFile);
      assertThat(sluice.catalog("folders", "create", "F").exitCode()).isZero();
      Result deployed = sluice.catalog("deploy", "../examples/hello", "--folder", "F");
      assertThat(deployed.exitCode()).as(deployed.err()).isZero();

      // No worker runs: the execution stays queued while the catalog fails over under the waiter.
      CompletableFuture<Result> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  sluice.onCatalog(
                      "execute",
                      "--folder",
                      "F",
                      "--project",
                      "hello",
                      "--package",
                      "hello",
                      "--scale-out",
                      "--wait"));
      try (CatalogDatabase observer = CatalogDatabase.open(pair.location())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> queuedExecution(observer) != null);
      }
      pair.killPrimary();
      Thread.sleep(2_000); // what an HA tool waits before it promotes
      pair.promoteStandby();

      try (CatalogDatabase database = CatalogDatabase.open(pair.location())) {
        long id = queuedExecution(database);
        new LocalCatalog(new CatalogContext(database, CatalogKey.load(keyFile), "tester"))
            .executions()
            .stop(id);
        Result followed = waiting.get(90, TimeUnit.SECONDS);
        assertThat(followed.err()).doesNotContain("error:");
        assertThat(followed.out())
            .contains("Execution " + id + " started in scale out; waiting for it to end")
            .contains("Execution " + id + " ended: 3 canceled");
        assertThat(followed.exitCode()).isEqualTo(1);
      }
    }
  }

  private static Long queuedExecution(CatalogDatabase database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select max(execution_id) from execution where status = 5")
                    .mapTo(Long.class)
                    .one());
  }
}
