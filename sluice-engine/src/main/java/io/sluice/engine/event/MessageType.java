package io.sluice.engine.event;

/** Event message types with the codes SSIS stores in catalog.event_messages.message_type. */
public enum MessageType {
  PRE_VALIDATE(10, "PreValidate"),
  POST_VALIDATE(20, "PostValidate"),
  PRE_EXECUTE(30, "PreExecute"),
  POST_EXECUTE(40, "PostExecute"),
  STATUS_CHANGE(50, "StatusChange"),
  PROGRESS(60, "Progress"),
  INFORMATION(70, "Information"),
  VARIABLE_VALUE_CHANGED(80, "VariableValueChanged"),
  DIAGNOSTIC(90, "Diagnostic"),
  QUERY_CANCEL(100, "QueryCancel"),
  WARNING(110, "Warning"),
  ERROR(120, "Error"),
  TASK_FAILED(130, "TaskFailed"),
  DIAGNOSTIC_EX(140, "DiagnosticEx"),
  CUSTOM(200, "Custom"),
  NON_DIAGNOSTIC(400, "NonDiagnostic");

  private final int code;
  private final String label;

  MessageType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** The SSIS name, e.g. {@code TaskFailed}. */
  public String label() {
    return label;
  }

  /** Code and name: {@code 120 Error}. */
  public String display() {
    return code + " " + label;
  }

  /** {@link #display()} of a stored code; the bare number when the code is unknown. */
  public static String display(int code) {
    for (MessageType t : values()) {
      if (t.code == code) {
        return t.display();
      }
    }
    return String.valueOf(code);
  }

  /** A type as users type it: the code ({@code 120}) or the name ({@code error}, any case). */
  public static java.util.Optional<MessageType> parse(String text) {
    String wanted =
        text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
    for (MessageType t : values()) {
      if (t.label.toLowerCase(java.util.Locale.ROOT).equals(wanted)
          || String.valueOf(t.code).equals(wanted)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
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
