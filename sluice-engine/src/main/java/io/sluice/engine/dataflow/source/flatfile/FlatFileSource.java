package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** Reads records, decodes each field into its column, and sends full buffers. */
final class FlatFileSource implements ComponentRuntime {

  private final FlatFileFormat format;
  private final List<ErrorDisposition> onError;

  FlatFileSource(FlatFileFormat format, List<ErrorDisposition> onError) {
    this.format = format;
    this.onError = onError;
  }

  /**
   * Records split before their fields are decoded; large enough that the per-column loops run long,
   * small enough that the batch's bytes and positions stay in the CPU caches.
   */
  private static final int BATCH_ROWS = 512;

  @Override
  public void run(ComponentIo io) throws IOException, InterruptedException {
    int width = format.columns().size();
    FieldDecoder[] decoders = new FieldDecoder[width];
    Object[] emptyValues = new Object[width];
    for (int c = 0; c < width; c++) {
      DataType type = format.columns().get(c).type();
      decoders[c] = new FieldDecoder(type, format.charset());
      // An empty field is NULL, except text without retainNulls: the empty string.
      emptyValues[c] = type.kind().isCharacter() && !format.retainNulls() ? "" : null;
    }
    ErrorDisposition[] dispositions = onError.toArray(new ErrorDisposition[0]);
    String[] names = format.columns().stream().map(c -> c.name()).toArray(String[]::new);
    BufferBuilder builder = new BufferBuilder(width, io.bufferRows());
    RecordBatch batch = new RecordBatch(width, Math.min(BATCH_ROWS, io.bufferRows()));
    RowErrors errors = new RowErrors(1);
    long rows = 0;
    try (RecordReader reader = open()) {
      for (int i = 0; i < format.leadingRows(); i++) {
        reader.next();
      }
      // The first record of a batch may make the reader move its bytes; the others may not, so
      // every position in the batch points into the same bytes until it is decoded.
      while (reader.next()) {
        batch.clear();
        int limit = Math.min(batch.capacity(), builder.room());
        do {
          if (reader.fieldCount() != width && !format.fixedWidth()) {
            fieldCountMismatch(reader, reader.fieldCount(), width, dispositions[width - 1]);
          }
          batch.add(reader);
        } while (batch.size() < limit && reader.nextInPlace());
        decode(batch, reader.bytes(), decoders, emptyValues, dispositions, names, builder, errors);
        builder.endRows(batch.size());
        if (builder.isFull()) {
          rows += send(io, builder, errors);
        }
      }
      if (!builder.isEmpty()) {
        rows += send(io, builder, errors);
      }
    }
    io.information("\"" + format.path() + "\": " + rows + " rows read.");
  }

  /** Decodes the batch into the builder's next rows, one column at a time. */
  private static void decode(
      RecordBatch batch,
      byte[] bytes,
      FieldDecoder[] decoders,
      Object[] emptyValues,
      ErrorDisposition[] dispositions,
      String[] names,
      BufferBuilder builder,
      RowErrors errors) {
    Object[][] columns = builder.columns();
    int first = builder.rowIndex();
    int n = batch.size();
    int[] starts = batch.starts();
    int[] ends = batch.ends();
    boolean[] escaped = batch.escaped();
    for (int c = 0; c < decoders.length; c++) {
      FieldDecoder decoder = decoders[c];
      Object empty = emptyValues[c];
      Object[] values = columns[c];
      int k = batch.index(c, 0);
      for (int i = 0; i < n; i++, k++) {
        int start = starts[k];
        int end = ends[k];
        Object value = null;
        if (start == RecordBatch.MISSING) {
          value = null;
        } else if (end > start || escaped[k]) {
          try {
            value = decoder.decode(bytes, start, end, escaped[k]);
          } catch (DataConversionException | ArithmeticException e) {
            errors.handle(
                builder.peek(),
                first + i,
                dispositions[c],
                code(e),
                names[c],
                new DataConversionException(e.getMessage() + " (line " + batch.line(i) + ")"));
          }
        } else {
          value = empty;
        }
        values[first + i] = value;
      }
    }
  }

  private static int code(RuntimeException e) {
    return e.getMessage() != null && e.getMessage().startsWith("Text was truncated")
        ? ErrorCodes.TRUNCATED
        : ErrorCodes.CONVERSION_FAILED;
  }

  private static void fieldCountMismatch(
      RecordReader reader, int fields, int width, ErrorDisposition disposition) {
    if (fields > width || disposition == ErrorDisposition.FAIL) {
      throw new DataConversionException(
          "line "
              + reader.line()
              + " has "
              + fields
              + " columns, the connection defines "
              + width
              + "; check the delimiter and the text qualifier");
    }
  }

  private int send(ComponentIo io, BufferBuilder builder, RowErrors errors)
      throws InterruptedException {
    io.checkCancelled();
    Buffer buffer = builder.take();
    errors.send(io, buffer, buffer, 0);
    int sent = buffer.size();
    errors.begin();
    return sent;
  }

  private RecordReader open() throws IOException {
    InputStream in = Files.newInputStream(format.path());
    return format.fixedWidth()
        ? new FixedWidthRecordReader(in, format.widths())
        : new DelimitedRecordReader(in, format.delimiter(), format.qualifier());
  }
}
