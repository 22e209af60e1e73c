package io.sluice.api.component;

/** A source's output (SSIS's {@code Output0Buffer}). */
public interface OutputRows {

  /**
   * A new row, all NULL, to fill with {@link Row#set}; valid until the next call. Blocks while the
   * flow downstream is full, and throws {@link java.util.concurrent.CancellationException} once the
   * run is stopped.
   */
  Row addRow() throws InterruptedException;
}
