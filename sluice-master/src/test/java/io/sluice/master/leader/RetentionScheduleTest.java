package io.sluice.master.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.retention.CleanupResult;
import io.sluice.catalog.testing.CatalogUnderTest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leader's retention cleanup runs once per interval for the whole catalog. */
class RetentionScheduleTest {

  @Test
  void runsWhenNoCleanupStartedWithinTheIntervalAndNotAgainUntilThen() {
    try (CatalogUnderTest under = CatalogUnderTest.open()) {
      RetentionSchedule schedule =
          new RetentionSchedule(under.jdbi(), under.catalog().operations(), Duration.ofHours(1));

      Optional<CleanupResult> first = schedule.runIfDue();
      assertThat(first).isPresent();
      assertThat(first.get().ran()).isTrue();
      // A second master leading a moment later (or this one restarted) finds it done.
      RetentionSchedule another =
          new RetentionSchedule(under.jdbi(), under.catalog().operations(), Duration.ofHours(1));
      assertThat(another.runIfDue()).isEmpty();
      assertThat(cleanups(under)).isEqualTo(1);

      // An hour later on the catalog's clock, it is due again.
      under
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update operation set created_time = created_time - interval '61 minutes'"
                          + " where operation_type = 2"));
      assertThat(schedule.runIfDue()).isPresent();
      assertThat(cleanups(under)).isEqualTo(2);
    }
  }

  private static long cleanups(CatalogUnderTest under) {
    return under.catalog().operations().list(OperationFilter.all()).stream()
        .filter(o -> o.operationType() == OperationType.RETENTION_CLEANUP.code())
        .count();
  }
}
