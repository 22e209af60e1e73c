package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.type.DataType;
import java.util.List;

/**
 * Applies a component's error dispositions to the rows of one buffer: fails the data flow, lets the
 * caller ignore the error, or marks the row for the error output. Allocates nothing until a row is
 * redirected, so the common error-free buffer costs nothing.
 */
public final class RowErrors {

  public static final String ERROR_CODE = "ErrorCode";
  public static final String ERROR_COLUMN = "ErrorColumn";

  private final int errorOutput;
  private Object[] codes;
  private Object[] columns;
  private int redirected;

  /**
   * @param errorOutput the component's error output index, or -1 when it has none
   */
  public RowErrors(int errorOutput) {
    this.errorOutput = errorOutput;
  }

  /** The columns an error output adds to the component's input columns. */
  public static List<Column> errorColumns() {
    return List.of(
        new Column(ERROR_CODE, DataType.I4), new Column(ERROR_COLUMN, DataType.wstr(128)));
  }

  /** The error output's schema for a component whose input has {@code input}'s columns. */
  public static RowSchema errorSchema(RowSchema input) {
    return RowSchema.of(input.columns()).plus(errorColumns());
  }

  /** Forgets the previous buffer's errors. */
  public void begin() {
    codes = null;
    columns = null;
    redirected = 0;
  }

  /**
   * Handles a failed value of a row.
   *
   * @return true when the row is redirected (leave it out of the normal output), false when the
   *     error is ignored (the caller stores NULL and goes on)
   * @throws RowFailedException when the disposition is FAIL
   */
  public boolean handle(
      Buffer buffer,
      int physicalRow,
      ErrorDisposition disposition,
      int code,
      String column,
      RuntimeException cause) {
    switch (disposition) {
      case IGNORE:
        return false;
      case REDIRECT:
        if (codes == null) {
          codes = new Object[buffer.rowCount()];
          columns = new Object[buffer.rowCount()];
        }
        if (codes[physicalRow] == null) {
          redirected++;
        }
        codes[physicalRow] = code;
        columns[physicalRow] = column;
        return true;
      default:
        throw new RowFailedException(
            (column == null ? "" : "column '" + column + "': ") + cause.getMessage(), cause);
    }
  }

  public boolean isRedirected(int physicalRow) {
    return codes != null && codes[physicalRow] != null;
  }

  public boolean any() {
    return redirected > 0;
  }

  /**
   * Sends {@code output} (rows of {@code input}, possibly with more columns) on the normal output
   * without the redirected rows, and the redirected rows with {@code input}'s columns plus
   * ErrorCode and ErrorColumn on the error output.
   */
  public void send(ComponentIo io, Buffer input, Buffer output, int normalOutput)
      throws InterruptedException {
    if (redirected == 0) {
      io.send(normalOutput, output);
      return;
    }
    int[] kept = new int[input.size() - redirected];
    int k = 0;
    for (int i = 0; i < input.size(); i++) {
      int r = input.row(i);
      if (codes[r] == null) {
        kept[k++] = r;
      }
    }
    io.send(normalOutput, output.select(kept, k));
    sendErrors(io, input);
  }

  /** Sends only the redirected rows of {@code input} to the error output. */
  public void sendErrors(ComponentIo io, Buffer input) throws InterruptedException {
    if (redirected == 0 || errorOutput < 0) {
      return;
    }
    int[] failed = new int[redirected];
    int f = 0;
    for (int i = 0; i < input.size(); i++) {
      int r = input.row(i);
      if (codes[r] != null) {
        failed[f++] = r;
      }
    }
    Object[][] in = input.columns();
    Object[][] errorColumns = new Object[in.length + 2][];
    System.arraycopy(in, 0, errorColumns, 0, in.length);
    errorColumns[in.length] = codes;
    errorColumns[in.length + 1] = columns;
    io.send(errorOutput, input.withColumns(errorColumns).select(failed, f));
  }
}
