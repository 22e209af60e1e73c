package io.sluice.master.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.RestartableCatalogServer;
import io.sluice.catalog.testing.TestCatalog;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two masters' leases on one real catalog. Each master's monotonic clock is a counter the test
 * moves; the catalog's clock is moved by ageing the lease row, as if the time had passed there.
 */
class LeaderLeaseTest {

  private static final Duration L = Duration.ofSeconds(10);

  private CatalogDatabase database;
  private Jdbi jdbi;
  private final AtomicLong clockA = new AtomicLong();
  private final AtomicLong clockB = new AtomicLong();
  private LeaderLease a;
  private LeaderLease b;

  @BeforeEach
  void open() {
    database = TestCatalog.newDatabase();
    jdbi = database.jdbi();
    a = new LeaderLease(jdbi, "master-a", L, clockA::get);
    b = new LeaderLease(jdbi, "master-b", L, clockB::get);
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    database.close();
  }

  @Test
  void theFirstMasterLeadsAndTheOtherWaitsWhileTheLeaseIsRenewed() {
    assertThat(a.renewOrAcquire()).isTrue();
    assertThat(b.renewOrAcquire()).isFalse();
    Leadership first = Leadership.current(jdbi).orElseThrow();
    assertThat(first.holder()).isEqualTo("master-a");
    assertThat(first.epoch()).isEqualTo(1);

    clockA.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(a.renewOrAcquire()).isTrue();
    assertThat(b.renewOrAcquire()).isFalse();

    Leadership renewed = Leadership.current(jdbi).orElseThrow();
    assertThat(renewed.epoch()).isEqualTo(1); // a renewal is the same term
    assertThat(renewed.since()).isEqualTo(first.since());
    assertThat(renewed.expiresAt()).isAfterOrEqualTo(first.expiresAt());
    assertThat(a.isLeader()).isTrue();
    assertThat(b.isLeader()).isFalse();
  }

  @Test
  void anotherMasterTakesOverOnceTheLeaseRunsOutAndTheOldHolderIsFencedOff() {
    a.renewOrAcquire();
    catalogTimePasses(L.plusSeconds(1)); // master-a renewed nothing for longer than L

    assertThat(b.renewOrAcquire()).isTrue();
    assertThat(b.term().orElseThrow().epoch()).isEqualTo(2);

    // master-a comes back (a long pause, say) and tries to renew its term of epoch 1: refused.
    assertThat(a.renewOrAcquire()).isFalse();
    assertThat(a.isLeader()).isFalse();
    assertThat(a.term()).isEmpty();
    assertThat(Leadership.current(jdbi).orElseThrow().holder()).isEqualTo("master-b");
  }

  @Test
  void aMasterStopsLeadingAtItsOwnDeadlineEvenBeforeTheCatalogLeaseRunsOut() {
    a.renewOrAcquire();
    // No renewal for 4/5 of L on master-a's own clock: it must not assume it still leads.
    clockA.addAndGet(L.toNanos() * 4 / 5 - 1);
    assertThat(a.isLeader()).isTrue();
    clockA.addAndGet(1);
    assertThat(a.isLeader()).isFalse();
    // Nobody else could take the unexpired lease meanwhile, so renewing it resumes the same term.
    assertThat(b.renewOrAcquire()).isFalse();
    assertThat(a.renewOrAcquire()).isTrue();
    assertThat(a.isLeader()).isTrue();
    assertThat(a.term().orElseThrow().epoch()).isEqualTo(1);
  }

  @Test
  void closingTheLeaderHandsTheLeaseOverAtOnce() {
    a.renewOrAcquire();
    a.close();

    assertThat(Leadership.current(jdbi)).isEmpty();
    assertThat(b.renewOrAcquire()).isTrue();
    assertThat(b.term().orElseThrow().epoch()).isEqualTo(2);
  }

  @Test
  void aMasterThatCannotRenewStopsLeaderOnlyWorkAtItsDeadline() throws Exception {
    try (RestartableCatalogServer server = RestartableCatalogServer.start();
        CatalogDatabase own = CatalogDatabase.open(server.location());
        LeaderLease lease = new LeaderLease(own.jdbi(), "master-a", Duration.ofSeconds(1)).start();
        LeaderWork work = new LeaderWork(lease::isLeader)) {
      AtomicInteger rounds = new AtomicInteger();
      work.onLeader(Duration.ofMillis(20), "counting", rounds::incrementAndGet);
      assertThat(lease.isLeader()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);

      server.setReadOnly(true); // every renewal fails from now on (a demoted catalog)
      try {
        await().atMost(Duration.ofSeconds(5)).until(() -> !lease.isLeader());
        int afterDeadline = rounds.get();
        Thread.sleep(300); // fifteen rounds' worth: none may run
        assertThat(rounds.get()).isEqualTo(afterDeadline);
      } finally {
        server.setReadOnly(false);
      }
      // Once the catalog takes writes again the master leads again (the same term if still
      // unexpired, else a new one) and the work resumes.
      await().atMost(Duration.ofSeconds(10)).until(lease::isLeader);
      int resumed = rounds.get();
      await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() > resumed);
    }
  }

  /** Moves the lease row back in time, as if {@code time} had passed on the catalog's clock. */
  private void catalogTimePasses(Duration time) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    update leader_lease
                    set expires_at = expires_at - :millis * interval '1 millisecond',
                        acquired_at = acquired_at - :millis * interval '1 millisecond'
                    """)
                .bind("millis", time.toMillis())
                .execute());
    assertThat(Leadership.current(jdbi)).as("the lease ran out on the catalog's clock").isEmpty();
  }
}
