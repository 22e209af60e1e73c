package io.sluice.engine.dataflow.pipeline;

/**
 * A batch of rows, column-oriented: {@code columns[c][r]} is column c of physical row r.
 *
 * <p>Why columns: a synchronous transformation that adds or replaces a column only allocates one
 * array for the batch, and Copy Column shares the array; splitting (Conditional Split, Lookup,
 * error outputs) hands on the same arrays with a selection of rows; Multicast hands on the same
 * buffer. No row is ever copied by them. Row arrays would need every row copied to widen it.
 *
 * <p>A buffer is immutable once sent: components never write into arrays they received, they make
 * new ones. That is what makes sharing between concurrent branches safe.
 */
public final class Buffer {

  private final Object[][] columns;
  private final int rowCount;
  private final int[] selection;
  private final int size;

  public Buffer(Object[][] columns, int rowCount) {
    this(columns, rowCount, null, rowCount);
  }

  private Buffer(Object[][] columns, int rowCount, int[] selection, int size) {
    this.columns = columns;
    this.rowCount = rowCount;
    this.selection = selection;
    this.size = size;
  }

  /** Number of rows in this buffer (after selection). */
  public int size() {
    return size;
  }

  /** Physical length of the column arrays; new columns are allocated this long. */
  public int rowCount() {
    return rowCount;
  }

  /** The physical row of the i-th row of this buffer. */
  public int row(int i) {
    return selection == null ? i : selection[i];
  }

  public Object value(int column, int physicalRow) {
    return columns[column][physicalRow];
  }

  /** The column arrays; read them, never write into them. */
  public Object[][] columns() {
    return columns;
  }

  public int width() {
    return columns.length;
  }

  /** The same rows with other column arrays (added, replaced, reordered or shared columns). */
  public Buffer withColumns(Object[][] newColumns) {
    return new Buffer(newColumns, rowCount, selection, size);
  }

  /** A subset of the rows: {@code physicalRows[0..count)} are physical row indexes. */
  public Buffer select(int[] physicalRows, int count) {
    return new Buffer(columns, rowCount, physicalRows, count);
  }

  /** Row i (after selection) as a fresh array, for components that keep rows (Sort, Merge). */
  public Object[] copyRow(int i) {
    int r = row(i);
    Object[] values = new Object[columns.length];
    for (int c = 0; c < values.length; c++) {
      values[c] = columns[c][r];
    }
    return values;
  }
}
