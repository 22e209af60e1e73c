package io.sluice.engine.dataflow.source.raw;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.spill.SpillCodec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the blocks of a raw file and sends each as buffers of at most the flow's buffer rows. */
final class RawFileSource implements ComponentRuntime {

  private final Path file;
  private final int width;
  private final int[] picks;

  RawFileSource(Path file, int width, int[] picks) {
    this.file = file;
    this.width = width;
    this.picks = picks;
  }

  @Override
  public void run(ComponentIo io) throws IOException, InterruptedException {
    long rows = 0;
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(Files.newInputStream(file), RawFile.IO_BUFFER))) {
      if (RawFile.readHeader(in, file).size() != width) {
        throw new IOException(
            "raw file '" + file + "' changed its columns after the data flow was validated");
      }
      SpillCodec.TextDecoder[] text = RawFile.textDecoders(width);
      Object[][] block;
      while ((block = RawFile.readBlock(in, width, file, text)) != null) {
        int n = block.length == 0 ? 0 : block[0].length;
        Object[][] picked = new Object[picks.length][];
        for (int c = 0; c < picks.length; c++) {
          picked[c] = block[picks[c]];
        }
        int size = io.bufferRows();
        for (int from = 0; from < n; from += size) {
          io.checkCancelled();
          int to = Math.min(n, from + size);
          if (from == 0 && to == n) {
            io.send(0, new Buffer(picked, n));
          } else {
            Object[][] part = new Object[picks.length][];
            for (int c = 0; c < picks.length; c++) {
              part[c] = Arrays.copyOfRange(picked[c], from, to);
            }
            io.send(0, new Buffer(part, to - from));
          }
        }
        rows += n;
      }
    }
    io.information("\"" + file + "\": " + rows + " rows read.");
  }
}
