package io.sluice.engine.dataflow.destination.raw;

import io.sluice.engine.dataflow.destination.raw.RawFileDestinationType.WriteOption;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.source.raw.RawFile;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes each input buffer as one block of the raw file. */
final class RawFileDestination implements ComponentRuntime {

  private final Path file;
  private final WriteOption option;
  private final List<Column> columns;
  private final int[] sources;

  RawFileDestination(Path file, WriteOption option, List<Column> columns, int[] sources) {
    this.file = file;
    this.option = option;
    this.columns = columns;
    this.sources = sources;
  }

  @Override
  public void run(ComponentIo io) throws IOException, InterruptedException {
    long rows = 0;
    try (DataOutputStream out = open()) {
      RawFile.BlockBytes scratch = new RawFile.BlockBytes();
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        if (buffer.size() > 0) {
          RawFile.writeBlock(out, buffer, sources, scratch);
          rows += buffer.size();
        }
      }
    }
    io.information("\"" + file + "\": " + rows + " rows written (" + option + ").");
  }

  private DataOutputStream open() throws IOException {
    boolean exists = Files.exists(file);
    switch (option) {
      case CREATE_ONCE -> {
        if (exists) {
          throw new IOException(
              "raw file '"
                  + file
                  + "' already exists and writeOption is createOnce; hint: delete it, or use"
                  + " createAlways, append or truncateAndAppend");
        }
        return create();
      }
      case CREATE_ALWAYS -> {
        return create();
      }
      default -> {
        if (!exists) {
          throw new IOException(
              "raw file '"
                  + file
                  + "' does not exist and writeOption is "
                  + option
                  + "; hint: create it with writeOption createOnce or createAlways first");
        }
        long headerEnd = checkColumns();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (option == WriteOption.TRUNCATE_AND_APPEND) {
          channel.truncate(headerEnd);
        }
        channel.position(channel.size());
        return new DataOutputStream(
            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
      }
    }
  }

  private DataOutputStream create() throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    RawFile.writeHeader(out, columns);
    return out;
  }

  /** The existing file's columns must be the ones written (SSIS's rule for appending). */
  private long checkColumns() throws IOException {
    try (var counting = new CountingInput(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(counting)) {
      List<Column> existing = RawFile.readHeader(in, file);
      if (!existing.equals(columns)) {
        throw new IOException(
            "raw file '"
                + file
                + "' has the columns "
                + existing
                + ", the rows to append have "
                + columns
                + "; hint: use writeOption createAlways to start the file again");
      }
      return counting.count;
    }
  }

  /** Counts the bytes the header took, to know where its rows start. */
  private static final class CountingInput extends java.io.FilterInputStream {
    long count;

    CountingInput(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
