package io.sluice.engine.event;

/**
 * How much of a run is logged, as SSIS's server logging levels.
 *
 * <ul>
 *   <li>NONE: nothing but the execution's status.
 *   <li>BASIC (default): every event except custom and diagnostic ones.
 *   <li>PERFORMANCE: errors and warnings, plus executable and data-flow statistics.
 *   <li>VERBOSE: everything, including diagnostic events and per-path row counts.
 * </ul>
 */
public enum LoggingLevel {
  NONE(0),
  BASIC(1),
  PERFORMANCE(2),
  VERBOSE(3);

  private final int code;

  LoggingLevel(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static LoggingLevel fromCode(int code) {
    for (LoggingLevel l : values()) {
      if (l.code == code) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "logging level " + code + " does not exist; use 0 None, 1 Basic, 2 Performance, 3 Verbose");
  }

  /** Whether an event of this type is kept at this level. */
  public boolean admits(MessageType type) {
    return switch (this) {
      case NONE -> false;
      case BASIC ->
          switch (type) {
            case DIAGNOSTIC, DIAGNOSTIC_EX, CUSTOM, NON_DIAGNOSTIC -> false;
            default -> true;
          };
      case PERFORMANCE ->
          type == MessageType.ERROR
              || type == MessageType.WARNING
              || type == MessageType.TASK_FAILED;
      case VERBOSE -> true;
    };
  }

  /** Whether executable statistics (per task durations and results) are kept. */
  public boolean keepsExecutableStatistics() {
    return this != NONE;
  }

  /** Whether per-path data-flow row counts are kept (Performance and Verbose, as SSIS). */
  public boolean keepsDataFlowStatistics() {
    return this == PERFORMANCE || this == VERBOSE;
  }
}
