package io.sluice.engine.dataflow.pipeline;

/**
 * A synchronous transformation: it turns each buffer of its one input into buffers of its outputs
 * at once and holds no rows between buffers (Derived Column, Data Conversion, Conditional Split).
 *
 * <p>Such a component does not need a thread of its own, and the pipeline runs it on the thread of
 * the component upstream, as SSIS runs synchronous components in their source's execution tree: a
 * buffer then goes through source and transformations while its rows are still in that core's
 * caches, instead of being handed to another thread (and core) per component. On its own thread
 * (when the pipeline does not fuse it) {@link #run} reads its input like any component.
 */
public interface BufferTransform extends ComponentRuntime {

  /** Handles the buffers of one run, in order, on whichever thread delivers them. */
  @FunctionalInterface
  interface BufferHandler {
    void handle(Buffer buffer) throws InterruptedException;
  }

  /** The handler for one run: per-run state (cursors, error collectors) lives in it. */
  BufferHandler open(ComponentIo io);

  @Override
  default void run(ComponentIo io) throws InterruptedException {
    BufferHandler handler = open(io);
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      handler.handle(buffer);
    }
  }
}
