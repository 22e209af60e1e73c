package io.sluice.engine.dataflow.pipeline;

import java.util.Locale;

/** What a component does with a row it cannot process, as SSIS's error output settings. */
public enum ErrorDisposition {
  /** Stop the data flow (SSIS's default). */
  FAIL,
  /** Keep the row with NULL in the failed column (or drop nothing and carry on). */
  IGNORE,
  /** Send the row to the component's error output with ErrorCode and ErrorColumn. */
  REDIRECT;

  public static ErrorDisposition parse(String text) {
    if (text == null) {
      return FAIL;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "fail" -> FAIL;
      case "ignore" -> IGNORE;
      case "redirect" -> REDIRECT;
      default ->
          throw new PlanningException(
              "error disposition '" + text + "' is unknown; use fail, ignore or redirect");
    };
  }
}
