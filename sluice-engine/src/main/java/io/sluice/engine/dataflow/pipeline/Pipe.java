package io.sluice.engine.dataflow.pipeline;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A path at run time: a bounded queue into the consuming component, so a slow consumer blocks its
 * producer (back-pressure) and memory stays at queue capacity times buffer size.
 */
final class Pipe {

  final String name;
  final String from;
  final String to;
  private final BlockingQueue<Delivery> queue;
  private final int input;
  private final AtomicLong rows = new AtomicLong();
  private final AtomicInteger maxQueued = new AtomicInteger();

  Pipe(String name, String from, String to, BlockingQueue<Delivery> queue, int input) {
    this.name = name;
    this.from = from;
    this.to = to;
    this.queue = queue;
    this.input = input;
  }

  void send(Buffer buffer) throws InterruptedException {
    rows.addAndGet(buffer.size());
    queue.put(new Delivery(input, buffer));
    int queued = queue.size();
    if (queued > maxQueued.get()) {
      maxQueued.set(queued);
    }
  }

  void finish() throws InterruptedException {
    queue.put(new Delivery(input, null));
  }

  long rows() {
    return rows.get();
  }

  int maxQueued() {
    return maxQueued.get();
  }
}
