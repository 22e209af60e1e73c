package io.sluice.master.leader;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who leads the masters, as the catalog says (for {@code sluice master status}).
 *
 * @param holder the leading master's name (as in master_node)
 * @param epoch the term's number; +1 at every new term
 * @param since when the term began, by the catalog's clock
 * @param expiresAt when the term ends unless renewed
 */
public record Leadership(String holder, long epoch, Instant since, Instant expiresAt) {

  /** The current term, or empty when no master holds an unexpired lease. */
  public static Optional<Leadership> current(Jdbi jdbi) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    select holder, epoch, acquired_at, expires_at from leader_lease
                    where name = :name and holder is not null and expires_at > now()
                    """)
                .bind("name", LeaderLease.NAME)
                .map(
                    (rs, ctx) ->
                        new Leadership(
                            rs.getString("holder"),
                            rs.getLong("epoch"),
                            rs.getTimestamp("acquired_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant()))
                .findOne());
  }
}
