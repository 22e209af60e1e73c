package io.sluice.engine.event;

/** Event message types with the codes SSIS stores in catalog.event_messages.message_type. */
public enum MessageType {
  PRE_VALIDATE(10),
  POST_VALIDATE(20),
  PRE_EXECUTE(30),
  POST_EXECUTE(40),
  STATUS_CHANGE(50),
  PROGRESS(60),
  INFORMATION(70),
  VARIABLE_VALUE_CHANGED(80),
  DIAGNOSTIC(90),
  QUERY_CANCEL(100),
  WARNING(110),
  ERROR(120),
  TASK_FAILED(130),
  DIAGNOSTIC_EX(140),
  CUSTOM(200),
  NON_DIAGNOSTIC(400);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static MessageType fromCode(int code) {
    for (MessageType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown message type code " + code);
  }
}
