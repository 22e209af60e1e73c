package io.sluice.catalog.report;

import io.sluice.engine.event.MessageType;
import java.time.Instant;
import java.util.Set;

/**
 * Which messages to list across executions, newest first. The time window is required: messages are
 * partitioned by day, and a window keeps a search to the days it covers.
 *
 * @param types only these types; empty: all
 * @param since at or after
 * @param until before
 * @param folder only of executions in this folder (null: any); likewise project and package
 * @param before the keyset cursor: {@link MessagePage#nextBefore} of the previous page; null: from
 *     the newest
 */
public record MessageFilter(
    Set<MessageType> types,
    Instant since,
    Instant until,
    String folder,
    String project,
    String packageName,
    String before,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;

  public MessageFilter {
    types = Set.copyOf(types);
    if (since == null || until == null) {
      throw new IllegalArgumentException("a message search needs since and until");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }
}
