package io.sluice.engine.dataflow.pipeline;

/** One input read row by row, with a look at the next row (Merge, Merge Join). */
public final class RowStream {

  private final ComponentIo io;
  private final int input;
  private Buffer buffer;
  private int position;
  private boolean ended;

  public RowStream(ComponentIo io, int input) {
    this.io = io;
    this.input = input;
  }

  /** The next row without taking it, or null at the end of the input. */
  public Object[] peek() throws InterruptedException {
    while (!ended && (buffer == null || position == buffer.size())) {
      buffer = io.take(input);
      position = 0;
      ended = buffer == null;
    }
    return ended ? null : buffer.copyRow(position);
  }

  /** Takes the next row, or null at the end of the input. */
  public Object[] next() throws InterruptedException {
    Object[] row = peek();
    if (row != null) {
      position++;
    }
    return row;
  }
}
