package io.sluice.api.script;

/**
 * An asynchronous output of a Script Component (a source's {@code Output0Buffer}, or an output of
 * {@code outputs:}): {@link #addRow()} starts a new row (all NULL), and the {@link ScriptRow}
 * setters fill it, as {@code Output0Buffer.AddRow(); Output0Buffer.Name = "x";} does in C#.
 */
public interface ScriptOutput extends ScriptRow {

  /**
   * Starts a new row. Blocks while the flow downstream is full, and throws {@link
   * java.util.concurrent.CancellationException} once the execution is stopped.
   */
  void addRow() throws InterruptedException;

  /**
   * SSIS's {@code Output0Buffer.SetEndOfRowset()}: nothing to do in Sluice, where an output ends
   * when the component's methods return; kept so a ported script compiles unchanged.
   */
  default void setEndOfRowset() {}
}
