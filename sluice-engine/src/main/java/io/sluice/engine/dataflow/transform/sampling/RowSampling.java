package io.sluice.engine.dataflow.transform.sampling;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Reservoir sampling (Vitter's algorithm R): the first {@code n} rows fill the sample; row i after
 * them replaces a random one of the sample with probability n / (i + 1). Every row thus ends in the
 * sample with the same probability, and only n rows are ever held. A row that does not enter the
 * sample goes to Unselected at once (without being copied); a row pushed out of it goes there when
 * it is pushed out; the sample goes to Selected when the input ends, in input order.
 */
final class RowSampling implements ComponentRuntime {

  private static final int SELECTED = 0;
  private static final int UNSELECTED = 1;

  private final int n;
  private final Long seed;
  private final int width;

  RowSampling(int n, Long seed, int width) {
    this.n = n;
    this.seed = seed;
    this.width = width;
  }

  /** A held row and its position in the input, to send the sample in input order. */
  private record Held(long position, Object[] values) {}

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    Random random = Seeds.random(seed);
    // grows to n: a large sample of a small input holds only the input
    List<Held> sample = new ArrayList<>(Math.min(n, 1024));
    BufferBuilder evicted = new BufferBuilder(width, io.bufferRows());
    long seen = 0;
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      int size = buffer.size();
      int[] passed = new int[size];
      int p = 0;
      for (int i = 0; i < size; i++, seen++) {
        if (seen < n) {
          sample.add(new Held(seen, buffer.copyRow(i)));
          continue;
        }
        long j = random.nextLong(seen + 1);
        if (j < n) {
          evicted.add(sample.get((int) j).values());
          if (evicted.isFull()) {
            io.send(UNSELECTED, evicted.take());
          }
          sample.set((int) j, new Held(seen, buffer.copyRow(i)));
        } else {
          passed[p++] = buffer.row(i);
        }
      }
      io.send(UNSELECTED, buffer.select(passed, p));
    }
    if (!evicted.isEmpty()) {
      io.send(UNSELECTED, evicted.take());
    }
    sample.sort(Comparator.comparingLong(Held::position));
    BufferBuilder selected = new BufferBuilder(width, io.bufferRows());
    for (Held h : sample) {
      selected.add(h.values());
      if (selected.isFull()) {
        io.send(SELECTED, selected.take());
      }
    }
    if (!selected.isEmpty()) {
      io.send(SELECTED, selected.take());
    }
  }
}
