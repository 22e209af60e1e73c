package io.sluice.api.component;

/**
 * A row the component cannot process: thrown from {@link ComponentRuntime#processInputRow}, it is
 * handled by the component's {@code onError} setting: {@code fail} (the default) stops the flow,
 * {@code ignore} sends the row on as it is, {@code redirect} sends it to the {@code Error} output
 * with ErrorCode and ErrorColumn.
 */
public class RowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String column;
  private final boolean truncation;

  /**
   * @param column the column that failed, or null for the row as a whole
   */
  public RowException(String column, String message) {
    this(column, message, false);
  }

  private RowException(String column, String message, boolean truncation) {
    super(message);
    this.column = column;
    this.truncation = truncation;
  }

  /**
   * A value longer than its column's declared length (SSIS's truncation, ErrorCode {@code
   * 0xC020902A} on the Error output, where other row errors have {@code 0xC0209029}).
   */
  public static RowException truncation(String column, String message) {
    return new RowException(column, message, true);
  }

  /** Whether the row failed because a value was too long for its column. */
  public boolean isTruncation() {
    return truncation;
  }

  public String column() {
    return column;
  }
}
