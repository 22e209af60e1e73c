package io.sluice.master.lease;

import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds server-mode executions whose master stopped renewing its lease (it was killed or paused,
 * its machine was lost, or it was cut off from the catalog for longer than the lease): 2 running or
 * 8 stopping with {@code now() > server_lease_expires_at + G} on the catalog's clock. By then that
 * master has stopped the run itself ({@link
 * io.sluice.master.serverexecution.ServerExecutionLeases}), so the execution is ended 6 (ended
 * unexpectedly), or 3 (canceled) if it was being stopped, with a message naming the master. A
 * server execution is not retried: it may have done part of its work, and SSIS does not rerun one
 * either.
 *
 * <p>Safe with several masters checking at once: rows are claimed {@code FOR UPDATE SKIP LOCKED}
 * and PostgreSQL re-checks the expiry on the locked row, so a renewal that won the race keeps it.
 */
public final class ExpiredServerExecutions {

  private static final int BATCH = 100;

  // The holder's own heartbeat (master_node) tells a master that is gone from one that is back.
  private static final String EXPIRED =
      """
      select e.execution_id, e.status, e.server_lease_holder,
             to_char(e.server_lease_expires_at at time zone 'UTC',
                     'YYYY-MM-DD HH24:MI:SS.MS "UTC"') as expired_at,
             extract(epoch from now() - e.server_lease_expires_at)::float8 as expired_seconds,
             extract(epoch from now() - m.last_online_time)::float8 as silent_seconds,
             m.last_online_time > e.server_lease_expires_at as heard_since
      from execution e
      left join master_node m on m.master_name = e.server_lease_holder
      where e.status in (2, 8) and e.server_lease_expires_at is not null
        and now() > e.server_lease_expires_at + :graceMillis * interval '1 millisecond'
      order by e.server_lease_expires_at
      limit :batch
      for update of e skip locked
      """;

  private final Jdbi jdbi;
  private final Duration grace;

  public ExpiredServerExecutions(Jdbi jdbi, Duration grace) {
    this.jdbi = jdbi;
    this.grace = grace;
  }

  private record Lost(
      long executionId,
      int status,
      String holder,
      String expiredAt,
      double expiredSeconds,
      Double silentSeconds,
      Boolean heardSince) {

    /** What became of the holder, from its heartbeat: gone since, or running again. */
    String holderState() {
      if (heardSince == null) {
        return "it is not a known master (no heartbeat): it was killed, paused or cut off from the"
            + " catalog";
      }
      if (heardSince) {
        return "its heartbeat has come back since, so it was paused or overloaded for longer than"
            + " the lease (it stops the run itself when it notices)";
      }
      return String.format(
          Locale.ROOT,
          "its heartbeat stopped too (the last %.0f s ago): it was paused, overloaded or killed, or"
              + " is cut off from the catalog",
          silentSeconds);
    }
  }

  /** Ends every server execution whose lease ran out; returns how many. */
  public int check() {
    return jdbi.inTransaction(
        handle -> {
          List<Lost> lost =
              handle
                  .createQuery(EXPIRED)
                  .bind("graceMillis", grace.toMillis())
                  .bind("batch", BATCH)
                  .map(
                      (rs, ctx) ->
                          new Lost(
                              rs.getLong("execution_id"),
                              rs.getInt("status"),
                              rs.getString("server_lease_holder"),
                              rs.getString("expired_at"),
                              rs.getDouble("expired_seconds"),
                              rs.getObject("silent_seconds", Double.class),
                              rs.getObject("heard_since", Boolean.class)))
                  .list();
          for (Lost l : lost) {
            boolean stopping = l.status() == OperationStatus.STOPPING.code();
            ExecutionTransitions.message(
                handle,
                l.executionId(),
                MessageType.ERROR,
                "master "
                    + l.holder()
                    + " stopped renewing its lease on this execution (it ran out at "
                    + l.expiredAt()
                    + String.format(Locale.ROOT, ", %.0f s ago", l.expiredSeconds())
                    + "); "
                    + l.holderState()
                    + "; "
                    + (stopping
                        ? "the execution was being stopped: canceled"
                        : "ended unexpectedly (start it again to rerun it)"));
            ExecutionTransitions.finish(
                handle,
                l.executionId(),
                stopping ? OperationStatus.CANCELED : OperationStatus.ENDED_UNEXPECTEDLY);
          }
          return lost.size();
        });
  }
}
