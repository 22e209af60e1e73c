package io.sluice.engine.dataflow.source.flatfile;

/**
 * The field positions of up to {@link #capacity()} records split from the same bytes, so the source
 * can decode them a column at a time: one decoder and its value cache stay hot over many values,
 * and each column array of the buffer is written in order instead of sixteen arrays touched per
 * row. Positions are stored column by column, the order they are decoded in.
 */
final class RecordBatch {

  /** The start of a field the record lacks (a short record): its value is NULL. */
  static final int MISSING = -1;

  private final int width;
  private final int capacity;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] escaped;
  private final long[] lines;
  private int size;

  RecordBatch(int width, int capacity) {
    this.width = width;
    this.capacity = capacity;
    this.starts = new int[width * capacity];
    this.ends = new int[width * capacity];
    this.escaped = new boolean[width * capacity];
    this.lines = new long[capacity];
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** Copies the positions of the reader's current record; fields past the width are ignored. */
  void add(RecordReader reader) {
    int fields = Math.min(reader.fieldCount(), width);
    int row = size;
    for (int c = 0; c < fields; c++) {
      int k = c * capacity + row;
      starts[k] = reader.start(c);
      ends[k] = reader.end(c);
      escaped[k] = reader.escaped(c);
    }
    for (int c = fields; c < width; c++) {
      starts[c * capacity + row] = MISSING;
    }
    lines[row] = reader.line();
    size++;
  }

  /** Index of record {@code row}'s field {@code column} in {@link #starts()} and the others. */
  int index(int column, int row) {
    return column * capacity + row;
  }

  int[] starts() {
    return starts;
  }

  int[] ends() {
    return ends;
  }

  boolean[] escaped() {
    return escaped;
  }

  /** The line where record {@code row} starts, for error messages. */
  long line(int row) {
    return lines[row];
  }
}
