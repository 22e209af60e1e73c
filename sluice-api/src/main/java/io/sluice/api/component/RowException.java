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

  /**
   * @param column the column that failed, or null for the row as a whole
   */
  public RowException(String column, String message) {
    super(message);
    this.column = column;
  }

  public String column() {
    return column;
  }
}
