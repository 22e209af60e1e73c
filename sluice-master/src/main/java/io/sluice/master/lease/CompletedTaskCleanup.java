package io.sluice.master.lease;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes tasks that ended longer ago than the cleanup interval (SSIS cleanup_completed_jobs). The
 * execution row keeps what users need (status, worker, executed count); the task row only fences
 * late reports, and a report that late gets ABORT all the same.
 */
public final class CompletedTaskCleanup {

  private final Jdbi jdbi;
  private final Duration age;

  public CompletedTaskCleanup(Jdbi jdbi, Duration age) {
    this.jdbi = jdbi;
    this.age = age;
  }

  public int run() {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    """
                    delete from scale_out_task
                    where status = 'ENDED'
                      and ended_time < now() - :ageMillis * interval '1 millisecond'
                    """)
                .bind("ageMillis", age.toMillis())
                .execute());
  }
}
