package io.sluice.engine.dataflow.transform.pivot;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import java.util.List;

/** Writes each input row as one output row per pivot key value; holds one buffer at a time. */
final class Unpivot implements ComponentRuntime {

  /**
   * The output row of one pivot key value.
   *
   * @param sources per destination column, the input column read, or -1 (NULL)
   */
  record KeyRow(String pivotKeyValue, int[] sources) {}

  private final int[] pass;
  private final List<KeyRow> keys;
  private final int width;

  Unpivot(int[] pass, List<KeyRow> keys, int width) {
    this.pass = pass;
    this.keys = keys;
    this.width = width;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    BufferBuilder out = new BufferBuilder(width, io.bufferRows());
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      Object[][] in = buffer.columns();
      int size = buffer.size();
      for (int i = 0; i < size; i++) {
        int r = buffer.row(i);
        for (KeyRow key : keys) {
          int[] sources = key.sources();
          if (allNull(in, sources, r)) {
            continue;
          }
          Object[][] o = out.columns();
          int row = out.rowIndex();
          int c = 0;
          for (int p : pass) {
            o[c++][row] = in[p][r];
          }
          for (int s : sources) {
            o[c++][row] = s < 0 ? null : in[s][r];
          }
          o[c][row] = key.pivotKeyValue();
          out.endRow();
          if (out.isFull()) {
            io.send(0, out.take());
          }
        }
      }
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
  }

  private static boolean allNull(Object[][] in, int[] sources, int r) {
    for (int s : sources) {
      if (s >= 0 && in[s][r] != null) {
        return false;
      }
    }
    return true;
  }
}
