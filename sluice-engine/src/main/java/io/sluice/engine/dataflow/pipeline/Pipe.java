package io.sluice.engine.dataflow.pipeline;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A path at run time: a bounded queue into the consuming component, so a slow consumer blocks its
 * producer (back-pressure) and memory stays at queue capacity times buffer size; or, into a fused
 * synchronous transformation, a direct call on the producer's thread.
 */
final class Pipe {

  final String name;
  final String from;
  final String to;
  private final BlockingQueue<Delivery> queue;
  private final int input;
  private final AtomicLong rows = new AtomicLong();
  private final AtomicInteger maxQueued = new AtomicInteger();
  private FusedNode fused;

  Pipe(String name, String from, String to, BlockingQueue<Delivery> queue, int input) {
    this.name = name;
    this.from = from;
    this.to = to;
    this.queue = queue;
    this.input = input;
  }

  /** Delivers to this component on the producer's thread from now on (set before the run). */
  void fuse(FusedNode node) {
    this.fused = node;
  }

  void send(Buffer buffer) throws InterruptedException {
    rows.addAndGet(buffer.size());
    if (fused != null) {
      fused.deliver(buffer);
      return;
    }
    queue.put(new Delivery(input, buffer));
    int queued = queue.size();
    if (queued > maxQueued.get()) {
      maxQueued.set(queued);
    }
  }

  void finish() throws InterruptedException {
    if (fused != null) {
      fused.finish();
      return;
    }
    queue.put(new Delivery(input, null));
  }

  long rows() {
    return rows.get();
  }

  int maxQueued() {
    return maxQueued.get();
  }
}
