package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.DataFlowEnvironment;

/** A running component's view of its inputs, outputs and surroundings. */
public interface ComponentIo {

  /** The next buffer of an input, or null once that input has ended. Checks cancellation. */
  Buffer take(int input) throws InterruptedException;

  /**
   * The next buffer of whichever input has one, for components that do not care about order (Union
   * All); null once every input has ended.
   */
  Input takeAny() throws InterruptedException;

  /** Sends a buffer down an output; blocks while the path is full. Empty buffers are dropped. */
  void send(int output, Buffer buffer) throws InterruptedException;

  /** Rows per buffer for outputs that build new buffers. */
  int bufferRows();

  DataFlowEnvironment environment();

  /** Throws {@link java.util.concurrent.CancellationException} when the run was cancelled. */
  void checkCancelled();

  /** An Information event from this component. */
  void information(String message);

  /** A Warning event from this component. */
  void warning(String message);

  /** A buffer with the input it came from. */
  record Input(int input, Buffer buffer) {}
}
