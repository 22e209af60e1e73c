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

  @Override
  public void run(ComponentIo io) throws IOException, InterruptedException {
    int width = format.columns().size();
    FieldDecoder[] decoders = new FieldDecoder[width];
    boolean[] isText = new boolean[width];
    for (int c = 0; c < width; c++) {
      DataType type = format.columns().get(c).type();
      decoders[c] = new FieldDecoder(type, format.charset());
      isText[c] = type.kind().isCharacter();
    }
    ErrorDisposition[] dispositions = onError.toArray(new ErrorDisposition[0]);
    String[] names = format.columns().stream().map(c -> c.name()).toArray(String[]::new);
    boolean emptyIsNull = format.retainNulls();
    BufferBuilder builder = new BufferBuilder(width, io.bufferRows());
    RowErrors errors = new RowErrors(1);
    long rows = 0;
    try (RecordReader reader = open()) {
      for (int i = 0; i < format.leadingRows(); i++) {
        reader.next();
      }
      while (reader.next()) {
        Object[][] columns = builder.columns();
        int row = builder.rowIndex();
        byte[] bytes = reader.bytes();
        int fields = reader.fieldCount();
        if (fields != width && !format.fixedWidth()) {
          fieldCountMismatch(reader, fields, width, dispositions[width - 1]);
        }
        for (int c = 0; c < width; c++) {
          Object value = null;
          if (c < fields) {
            int start = reader.start(c);
            int end = reader.end(c);
            if (end > start || reader.escaped(c)) {
              try {
                value = decoders[c].decode(bytes, start, end, reader.escaped(c));
              } catch (DataConversionException | ArithmeticException e) {
                Buffer current = builder.peek();
                errors.handle(
                    current,
                    row,
                    dispositions[c],
                    code(e),
                    names[c],
                    new DataConversionException(e.getMessage() + " (line " + reader.line() + ")"));
              }
            } else if (isText[c] && !emptyIsNull) {
              value = "";
            }
          }
          columns[c][row] = value;
        }
        builder.endRow();
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
