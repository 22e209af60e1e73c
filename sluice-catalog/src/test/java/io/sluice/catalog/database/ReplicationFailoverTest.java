package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.folder.Folder;
import io.sluice.catalog.testing.PostgresBinaries;
import io.sluice.catalog.testing.ReplicatedPostgres;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog on real PostgreSQL streaming replication (primary + synchronous hot standby, started
 * from the binaries on the machine): the primary is killed (-9) while catalog calls commit, the
 * standby is promoted, and the same catalog, through its multi-host URL, works again with every
 * commit it confirmed before the kill.
 */
class ReplicationFailoverTest {

  @TempDir Path tmp;
  private ReplicatedPostgres pair;
  private CatalogDatabase database;
  private Catalog catalog;

  @BeforeEach
  void startAPrimaryAndAStandby() {
    var binaries = PostgresBinaries.find();
    assumeTrue(binaries.isPresent(), "needs " + PostgresBinaries.whereLooked());
    pair = ReplicatedPostgres.start(binaries.get());
    database = CatalogDatabase.open(pair.location()); // Flyway migrates through the multi-host URL
    catalog = new LocalCatalog(new CatalogContext(database, TestCatalog.cipher(), "tester"));
  }

  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
    if (pair != null) {
      pair.close();
    }
  }

  @Test
  void everyCommitConfirmedBeforeThePrimaryDiesIsThereAfterThePromotion() throws Exception {
    catalog.folders().create("Sales", "before the failover");
    catalog.projects().deploy("Sales", TestProjects.sample("Warehouse").pack(tmp));
    long execution = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load"));
    catalog.executions().setParameterValue(execution, 20, "Region", "EMEA");
    catalog.executions().start(execution, 2);

    // A writer commits folder after folder; the ones it saw confirmed must all survive.
    List<String> confirmed = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; ; i++) {
                try {
                  catalog.folders().create("f" + i, "");
                } catch (RuntimeException primaryGone) {
                  return;
                }
                confirmed.add("f" + i);
              }
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> confirmed.size() >= 20);
    pair.killPrimary();
    writer.get(30, TimeUnit.SECONDS);

    long promoting = System.nanoTime();
    pair.promoteStandby();
    // Without catalog retry the first calls may fail on pooled connections to the dead primary;
    // the pool replaces them, and the URL's targetServerType=primary finds the promoted standby.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(() -> catalog.folders().list() != null);
    System.out.println(
        "FIGURE catalog serving after promotion: "
            + Duration.ofNanos(System.nanoTime() - promoting).toMillis()
            + " ms; "
            + confirmed.size()
            + " folder commits confirmed before the kill");

    Set<String> present =
        catalog.folders().list().stream().map(Folder::name).collect(Collectors.toSet());
    assertThat(present).as("nothing confirmed is lost").containsAll(confirmed).contains("Sales");
    assertThat(catalog.executions().get(execution).status()).as("started, pending").isIn(1, 5);
    assertThat(pair.standby().queryText("postgres", "select pg_is_in_recovery()::text"))
        .isEqualTo("false");

    // ...and it takes new work: the promoted standby runs alone, with no standby to wait for.
    catalog.folders().create("after", "after the failover");
    long next = catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load"));
    assertThat(next).isGreaterThan(execution);
  }

  @Test
  void theStandbyHoldsEveryCommitBeforeAnyFailover() {
    catalog.folders().create("Replicated", "");
    // Synchronous replication: the commit returned after the standby flushed it; replay follows.
    pair.waitForReplay(Duration.ofSeconds(10));
    assertThat(
            pair.standby()
                .queryText("sluice", "select count(*)::text from folder where name = 'Replicated'"))
        .isEqualTo("1");
    assertThat(pair.standby().queryText("postgres", "select pg_is_in_recovery()::text"))
        .as("a hot standby answers reads")
        .isEqualTo("true");
  }

  /**
   * With catalog retry on (as masters run), a call made while there is no primary waits for one
   * instead of failing, and returns once the standby is promoted.
   */
  @Test
  void aCallMadeWhileThereIsNoPrimaryCompletesOnceTheStandbyIsPromoted() throws Exception {
    database.failover().retryFor(Duration.ofSeconds(30));
    catalog.folders().create("Warm", "");
    pair.killPrimary();
    CompletableFuture<Folder> during =
        CompletableFuture.supplyAsync(() -> catalog.folders().create("During", "the outage"));
    Thread.sleep(1_500);
    assertThat(during).as("waits for a primary instead of failing").isNotDone();
    pair.promoteStandby();

    assertThat(during.get(20, TimeUnit.SECONDS).name()).isEqualTo("During");
    assertThat(catalog.folders().list()).extracting(Folder::name).contains("Warm", "During");
  }
}
