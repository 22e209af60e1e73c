package io.sluice.catalog.message;

import io.sluice.engine.event.MessageType;
import java.time.Instant;

/**
 * An event message as a runner reports it (SSIS event_messages columns). Optional fields may be
 * null.
 *
 * @param messageTime when it happened; null: when the catalog receives it
 * @param messageType see {@link MessageType}
 */
public record NewEventMessage(
    Instant messageTime,
    int messageType,
    Integer messageSourceType,
    String message,
    String packageName,
    String eventName,
    String messageSourceName,
    String subcomponentName,
    String packagePath,
    String executionPath,
    Integer threadId,
    Integer messageCode) {

  /** A message with only the essentials. */
  public static NewEventMessage of(Instant time, MessageType type, String message) {
    return new NewEventMessage(
        time, type.code(), null, message, null, null, null, null, null, null, null, null);
  }
}
