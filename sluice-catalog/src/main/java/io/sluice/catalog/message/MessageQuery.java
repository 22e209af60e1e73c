package io.sluice.catalog.message;

import java.util.Set;

/**
 * Which messages of an execution to read.
 *
 * @param types only these types; empty: all
 * @param afterMessageId only messages with a greater id (to read on from where the last read
 *     stopped); 0: from the start
 * @param limit at most this many
 */
public record MessageQuery(Set<MessageType> types, long afterMessageId, int limit) {

  public static final int DEFAULT_LIMIT = 1000;

  public MessageQuery {
    types = Set.copyOf(types);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  public static MessageQuery all() {
    return new MessageQuery(Set.of(), 0, DEFAULT_LIMIT);
  }

  public MessageQuery ofTypes(Set<MessageType> wanted) {
    return new MessageQuery(wanted, afterMessageId, limit);
  }

  public MessageQuery after(long messageId) {
    return new MessageQuery(types, messageId, limit);
  }

  public MessageQuery withLimit(int max) {
    return new MessageQuery(types, afterMessageId, max);
  }
}
