package io.sluice.engine.dataflow.pipeline;

/**
 * A component at run time, run on its own thread: reads buffers from its inputs, sends buffers to
 * its outputs. Returning ends its outputs; throwing fails the whole data flow.
 */
@FunctionalInterface
public interface ComponentRuntime {

  void run(ComponentIo io) throws Exception;
}
