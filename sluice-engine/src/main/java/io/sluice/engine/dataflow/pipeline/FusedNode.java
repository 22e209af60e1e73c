package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.pipeline.BufferTransform.BufferHandler;
import java.util.concurrent.CancellationException;

/**
 * A {@link BufferTransform} run on the thread of the component upstream: the path into it calls
 * {@link #deliver} instead of queueing. Failures are tagged with this component's name, so the data
 * flow reports the component that failed, not the thread it ran on.
 */
final class FusedNode {

  private final String name;
  private final BufferHandler handler;
  private final NodeIo io;
  private long handlingNanos;

  FusedNode(String name, BufferHandler handler, NodeIo io) {
    this.name = name;
    this.handler = handler;
    this.io = io;
  }

  void deliver(Buffer buffer) throws InterruptedException {
    long start = System.nanoTime();
    try {
      handler.handle(buffer);
    } catch (InterruptedException | CancellationException | ComponentFailure e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new ComponentFailure(name, e);
    } finally {
      handlingNanos += System.nanoTime() - start;
    }
  }

  /** The input has ended: ends this component's outputs. */
  void finish() throws InterruptedException {
    io.finish();
  }

  /** Time spent in this component, without the time its outputs took downstream. */
  long activeNanos() {
    return handlingNanos - io.waitingNanos();
  }

  /** A failure inside a fused component, on its way up through the threads' own components. */
  static final class ComponentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String component;

    ComponentFailure(String component, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.component = component;
    }

    String component() {
      return component;
    }
  }
}
