package io.sluice.catalog.message;

import io.sluice.engine.event.MessageType;
import java.util.Set;

/**
 * Which messages of an execution to read.
 *
 * @param types only these types; empty: all
 * @param afterMessageId only messages stored after this one (ids grow in the order messages are
 *     stored, which within a batch need not be their time order): to follow a running execution,
 *     pass the greatest id read so far; 0: from the start
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
