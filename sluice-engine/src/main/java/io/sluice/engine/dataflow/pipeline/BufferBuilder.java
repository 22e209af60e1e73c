package io.sluice.engine.dataflow.pipeline;

/** Fills a new buffer row by row, for sources and asynchronous outputs. */
public final class BufferBuilder {

  private final int width;
  private final int capacity;
  private Object[][] columns;
  private int rows;

  public BufferBuilder(int width, int capacity) {
    this.width = width;
    this.capacity = capacity;
    reset();
  }

  private void reset() {
    columns = new Object[width][capacity];
    rows = 0;
  }

  /** The arrays being filled, for sources that write column values in place. */
  public Object[][] columns() {
    return columns;
  }

  /** The index of the row being filled. */
  public int rowIndex() {
    return rows;
  }

  /** Completes the row written through {@link #columns()} at {@link #rowIndex()}. */
  public void endRow() {
    rows++;
  }

  /** Completes {@code count} rows written through {@link #columns()} from {@link #rowIndex()}. */
  public void endRows(int count) {
    rows += count;
  }

  /** How many more rows fit in the buffer being filled. */
  public int room() {
    return capacity - rows;
  }

  public void add(Object[] row) {
    for (int c = 0; c < width; c++) {
      columns[c][rows] = row[c];
    }
    rows++;
  }

  /** The buffer being filled, for recording a row's error before the buffer is complete. */
  public Buffer peek() {
    return new Buffer(columns, capacity);
  }

  public boolean isFull() {
    return rows == capacity;
  }

  public boolean isEmpty() {
    return rows == 0;
  }

  /** The rows so far as a buffer; the builder starts a new one. */
  public Buffer take() {
    Buffer buffer = new Buffer(columns, rows);
    reset();
    return buffer;
  }
}
