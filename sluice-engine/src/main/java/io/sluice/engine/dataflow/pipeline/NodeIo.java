package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.event.MessageType;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * One component's {@link ComponentIo}: takes from its queues, sends to its pipes, and counts the
 * time spent waiting so that active time = running time - waiting time.
 */
final class NodeIo implements ComponentIo {

  private final RuntimeNode node;
  private final RunState state;
  private final DataFlowEnvironment environment;
  private final EventReporter events;
  private final int bufferRows;
  private final boolean[] ended;
  private int endedCount;
  private long waitingNanos;

  NodeIo(
      RuntimeNode node,
      RunState state,
      DataFlowEnvironment environment,
      EventReporter events,
      int bufferRows) {
    this.node = node;
    this.state = state;
    this.environment = environment;
    this.events = events;
    this.bufferRows = bufferRows;
    this.ended = new boolean[node.inputCount()];
  }

  @Override
  public Buffer take(int input) throws InterruptedException {
    checkCancelled();
    if (ended[input]) {
      return null;
    }
    if (node.sharedInbox()) {
      throw new IllegalStateException(node.name() + " reads its inputs in any order");
    }
    Delivery d = waitFor(node.inputQueues().get(input));
    if (d.buffer() == null) {
      ended[input] = true;
      endedCount++;
    }
    return d.buffer();
  }

  @Override
  public Input takeAny() throws InterruptedException {
    while (endedCount < ended.length) {
      checkCancelled();
      Delivery d = waitFor(node.inputQueues().get(0));
      if (d.buffer() != null) {
        return new Input(d.input(), d.buffer());
      }
      ended[d.input()] = true;
      endedCount++;
    }
    return null;
  }

  private Delivery waitFor(BlockingQueue<Delivery> queue) throws InterruptedException {
    Delivery d = queue.poll();
    if (d != null) {
      return d;
    }
    long start = System.nanoTime();
    try {
      return queue.take();
    } finally {
      waitingNanos += System.nanoTime() - start;
    }
  }

  @Override
  public void send(int output, Buffer buffer) throws InterruptedException {
    Pipe pipe = node.outputs().get(output);
    if (pipe == null || buffer.size() == 0) {
      return;
    }
    long start = System.nanoTime();
    pipe.send(buffer);
    waitingNanos += System.nanoTime() - start;
  }

  /** Ends every output, then reads what is left of the inputs so no producer stays blocked. */
  void finish() throws InterruptedException {
    for (Pipe pipe : node.outputs()) {
      if (pipe != null) {
        pipe.finish();
      }
    }
    if (node.sharedInbox()) {
      while (takeAny() != null) {
        // discard: the component chose to stop reading
      }
    } else {
      for (int i = 0; i < ended.length; i++) {
        while (take(i) != null) {
          // discard
        }
      }
    }
  }

  long waitingNanos() {
    return waitingNanos;
  }

  @Override
  public int bufferRows() {
    return bufferRows;
  }

  @Override
  public DataFlowEnvironment environment() {
    return environment;
  }

  @Override
  public void checkCancelled() {
    if (state.stopping()) {
      throw new CancellationException("the data flow is stopping");
    }
  }

  @Override
  public void information(String message) {
    events.event(MessageType.INFORMATION, node.name(), message);
  }

  @Override
  public void warning(String message) {
    events.event(MessageType.WARNING, node.name(), message);
  }
}
