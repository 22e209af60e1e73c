package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import io.sluice.excel.SheetReader.ErrorCell;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/** Converts each streamed row's cells into its columns and sends full buffers. */
final class ExcelSource implements ComponentRuntime {

  private static final DataType TEXT = DataType.wstr(DataType.MAX_WSTR_LENGTH);

  private final ExcelFile file;
  private final SheetLayout layout;
  private final List<ErrorDisposition> onError;

  ExcelSource(ExcelFile file, SheetLayout layout, List<ErrorDisposition> onError) {
    this.file = file;
    this.layout = layout;
    this.onError = onError;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    int width = layout.columns().size();
    DataType[] types = new DataType[width];
    String[] names = new String[width];
    int maxColumn = 0;
    for (int c = 0; c < width; c++) {
      types[c] = layout.columns().get(c).type();
      names[c] = layout.columns().get(c).name();
      maxColumn = Math.max(maxColumn, layout.sheetColumns()[c]);
    }
    // Sheet column -> output column, -1 for cells no column reads.
    int[] target = new int[maxColumn + 1];
    Arrays.fill(target, -1);
    for (int c = 0; c < width; c++) {
      target[layout.sheetColumns()[c]] = c;
    }
    ErrorDisposition[] dispositions = onError.toArray(new ErrorDisposition[0]);
    BufferBuilder builder = new BufferBuilder(width, io.bufferRows());
    RowErrors errors = new RowErrors(1);
    CellRange range = file.range();
    long[] rows = {0};
    Exception[] failed = {null};
    SheetReader.read(
        file.path(),
        file.sheet(),
        (row, columns, values, count) -> {
          if (row <= layout.headerRow() || row < range.firstRow()) {
            return true;
          }
          if (!range.containsRow(row)) {
            return false;
          }
          Object[][] out = builder.columns();
          int r = builder.rowIndex();
          for (int c = 0; c < width; c++) {
            out[c][r] = null;
          }
          boolean any = false;
          for (int i = 0; i < count; i++) {
            int col = columns[i];
            int c = col < target.length ? target[col] : -1;
            if (c < 0) {
              continue;
            }
            any = true;
            try {
              out[c][r] = convert(values[i], types[c]);
            } catch (DataConversionException | ArithmeticException e) {
              errors.handle(
                  builder.peek(),
                  r,
                  dispositions[c],
                  code(e),
                  names[c],
                  new DataConversionException(
                      "cell "
                          + new CellReference(row, col).formatAsString()
                          + " of sheet '"
                          + file.sheet()
                          + "': "
                          + e.getMessage()));
            }
          }
          if (!any) {
            return true; // a row with cells only outside the columns read
          }
          builder.endRow();
          if (builder.isFull()) {
            try {
              rows[0] += send(io, builder, errors);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              failed[0] = e;
              return false;
            }
          }
          return true;
        });
    if (failed[0] != null) {
      throw failed[0];
    }
    if (!builder.isEmpty()) {
      rows[0] += send(io, builder, errors);
    }
    io.information(
        "\"" + file.path() + "\" sheet '" + file.sheet() + "': " + rows[0] + " rows read.");
  }

  /** A cell's value as its column's type, by the SSIS cast rules. */
  static Object convert(Object value, DataType type) {
    if (value instanceof ErrorCell e) {
      throw new DataConversionException("the cell holds the error " + e.code());
    }
    if (value.getClass() == type.javaType() && !type.kind().isString()) {
      return value;
    }
    DataType from;
    if (value instanceof String) {
      from = TEXT;
    } else if (value instanceof Double) {
      from = DataType.R8;
    } else if (value instanceof Boolean) {
      from = DataType.BOOL;
    } else if (value instanceof LocalDateTime) {
      from = DataType.DBTIMESTAMP;
    } else {
      from = TEXT;
      value = value.toString();
    }
    return ValueConverter.convert(value, from, type);
  }

  private static int code(RuntimeException e) {
    return e.getMessage() != null && e.getMessage().contains("truncated")
        ? ErrorCodes.TRUNCATED
        : ErrorCodes.CONVERSION_FAILED;
  }

  private static int send(ComponentIo io, BufferBuilder builder, RowErrors errors)
      throws InterruptedException {
    io.checkCancelled();
    Buffer buffer = builder.take();
    errors.send(io, buffer, buffer, 0);
    errors.begin();
    return buffer.size();
  }
}
