package io.sluice.catalog.message;

import io.sluice.catalog.CatalogException;
import java.util.Arrays;
import java.util.Locale;

/** Types of event and operation messages, with SSIS's codes (event_messages.message_type). */
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

  public String label() {
    return label;
  }

  /** Code and name: {@code 120 Error}. */
  public String display() {
    return code + " " + label;
  }

  public static MessageType of(int code) {
    return Arrays.stream(values())
        .filter(t -> t.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown message type " + code));
  }

  /** Reads a type as users type it: the code ({@code 120}) or the name ({@code error}). */
  public static MessageType parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return Arrays.stream(values())
        .filter(
            t ->
                t.label.toLowerCase(Locale.ROOT).equals(wanted)
                    || String.valueOf(t.code).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                CatalogException.invalid(
                    "unknown message type '" + text + "'",
                    "use a code or name, e.g. 120 or Error, 110 or Warning, 70 or Information"));
  }

  public static String display(int code) {
    return Arrays.stream(values())
        .filter(t -> t.code == code)
        .map(MessageType::display)
        .findFirst()
        .orElse(String.valueOf(code));
  }
}
