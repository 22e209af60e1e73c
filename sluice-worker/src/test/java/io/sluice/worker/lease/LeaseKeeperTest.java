package io.sluice.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.Verdict;
import io.sluice.worker.client.MasterRefusedException;
import io.sluice.worker.client.MasterUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The worker side of task-leases.md, on a clock the test moves by hand. */
class LeaseKeeperTest {

  private static final long L = 10_000;
  private static final Duration M = Duration.ofSeconds(2);
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  private final AtomicLong now = new AtomicLong(1_000_000_000L); // arbitrary monotonic origin
  private final List<String> told = new ArrayList<>();
  private final List<Long> sentAt = new ArrayList<>();

  private void advance(long millis) {
    now.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  private LeaseKeeper keeper(LeaseKeeper.Renewal renewal) {
    Lease lease = new Lease(now::get, M, now.get(), L);
    return new LeaseKeeper(
        new RunningAttempt(7, 1),
        lease,
        (taskId, beat, giveUp) -> {
          sentAt.add(now.get());
          return renewal.renew(taskId, beat, giveUp);
        },
        INTERVAL,
        L,
        M,
        new LeaseKeeper.Listener() {
          @Override
          public void stopRequested() {
            told.add("stop");
          }

          @Override
          public void aborted(String why) {
            told.add("abort");
          }

          @Override
          public void leaseLost(String why) {
            told.add("lost");
          }
        });
  }

  private static LeaseKeeper.Renewal answering(Verdict verdict, long leaseMillis) {
    return (taskId, beat, giveUp) -> new TaskHeartbeatReply(verdict, leaseMillis);
  }

  private static final LeaseKeeper.Renewal UNREACHABLE =
      (taskId, beat, giveUp) -> {
        throw new MasterUnavailableException("no master", null);
      };

  @Test
  void withoutRenewalTheTaskStopsAtLeaseMinusMarginNotBefore() {
    LeaseKeeper keeper = keeper(UNREACHABLE);

    advance(L - M.toMillis() - 1);
    keeper.heartbeat(); // fails: nothing renewed
    assertThat(keeper.check()).isFalse();
    assertThat(told).isEmpty();

    advance(1);
    assertThat(keeper.check()).isTrue();
    assertThat(told).containsExactly("lost");

    keeper.check();
    assertThat(told).as("told once").containsExactly("lost");
  }

  @Test
  void aRenewalCountsFromJustBeforeTheHeartbeatWasSent() {
    // The master answers only after 1.5 s: the lease still counts from the sending instant.
    LeaseKeeper keeper =
        keeper(
            (taskId, beat, giveUp) -> {
              advance(1_500);
              return new TaskHeartbeatReply(Verdict.ACCEPTED, L);
            });
    advance(3_000);
    long sent = now.get();
    keeper.heartbeat();

    assertThat(keeper.lease().stopAtNanos())
        .isEqualTo(sent + Duration.ofMillis(L).toNanos() - M.toNanos());
    advance(L - M.toMillis() - 1_500 - 1); // just before s + L - M
    assertThat(keeper.check()).isFalse();
    advance(1);
    assertThat(keeper.check()).isTrue();
    assertThat(told).containsExactly("lost");
  }

  @Test
  void regularRenewalsKeepTheTaskRunningForever() {
    LeaseKeeper keeper = keeper(answering(Verdict.ACCEPTED, L));
    for (int i = 0; i < 100; i++) {
      advance(INTERVAL.toMillis());
      keeper.heartbeat();
      assertThat(keeper.check()).isFalse();
    }
    assertThat(told).isEmpty();
    assertThat(sentAt).hasSize(100);
  }

  @Test
  void aMasterOutageShorterThanLeaseMinusMarginCostsNoTask() {
    boolean[] down = {false};
    LeaseKeeper keeper =
        keeper(
            (taskId, beat, giveUp) -> {
              if (down[0]) {
                throw new MasterUnavailableException("failover in progress", null);
              }
              return new TaskHeartbeatReply(Verdict.ACCEPTED, L);
            });
    advance(2_000);
    keeper.heartbeat(); // renewed until t=2s + L
    down[0] = true;
    for (int i = 0; i < 3; i++) { // 6 s without a master
      advance(2_000);
      keeper.heartbeat();
      assertThat(keeper.check()).isFalse();
    }
    down[0] = false;
    advance(1_000);
    keeper.heartbeat();
    assertThat(keeper.check()).isFalse();
    assertThat(told).isEmpty();
  }

  @Test
  void aLateAnswerNeverShortensTheLease() {
    Lease lease = new Lease(now::get, M, now.get(), L);
    long early = now.get();
    advance(5_000);
    long late = now.get();
    lease.renewed(late, L);
    lease.renewed(early, L); // the answer to an older heartbeat arrives last
    assertThat(lease.stopAtNanos()).isEqualTo(late + Duration.ofMillis(L - 2_000).toNanos());
  }

  @Test
  void abortStopsAtOnceAndEndsTheHeartbeats() {
    LeaseKeeper keeper = keeper(answering(Verdict.ABORT, 0));
    advance(2_000);
    keeper.heartbeat();
    assertThat(told).containsExactly("abort");
    assertThat(keeper.ended()).isTrue();

    keeper.heartbeat();
    assertThat(sentAt).as("no heartbeat after an abort").hasSize(1);
    advance(L);
    keeper.check();
    assertThat(told).as("an aborted attempt is not also 'lost'").containsExactly("abort");
  }

  @Test
  void stopCancelsGracefullyOnceAndKeepsTheLeaseRenewed() {
    LeaseKeeper keeper = keeper(answering(Verdict.STOP, L));
    for (int i = 0; i < 6; i++) {
      advance(2_000);
      keeper.heartbeat();
      assertThat(keeper.check()).isFalse(); // canceling takes a while: the lease holds meanwhile
    }
    assertThat(told).containsExactly("stop");
  }

  @Test
  void aRefusedWorkerAbortsItsTask() {
    LeaseKeeper keeper =
        keeper(
            (taskId, beat, giveUp) -> {
              throw new MasterRefusedException(403, "worker removed", "re-add it");
            });
    advance(2_000);
    keeper.heartbeat();
    assertThat(told).containsExactly("abort");
  }

  @Test
  void theHeartbeatIntervalLeavesRoomForAtLeastThreeBeatsInTheLease() {
    assertThat(LeaseKeeper.effectiveInterval(Duration.ofSeconds(2), 10_000, M))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(LeaseKeeper.effectiveInterval(Duration.ofSeconds(10), 10_000, M))
        .isEqualTo(Duration.ofMillis(8_000 / 3));
    assertThat(LeaseKeeper.effectiveInterval(Duration.ofSeconds(10), 1_000, M))
        .isEqualTo(Duration.ofMillis(250));
  }
}
