package io.sluice.engine.dataflow.transform.row;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.List;

/** Converts whole columns into new arrays. */
final class DataConversion implements ComponentRuntime {

  record Conversion(
      String name, int source, int target, DataType from, DataType to, ErrorDisposition onError) {}

  private final List<Conversion> conversions;
  private final int width;

  DataConversion(List<Conversion> conversions, int width) {
    this.conversions = conversions;
    this.width = width;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    RowErrors errors = new RowErrors(1);
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      Object[][] in = buffer.columns();
      Object[][] out = new Object[width][];
      System.arraycopy(in, 0, out, 0, in.length);
      for (Conversion c : conversions) {
        Object[] source = in[c.source()];
        Object[] values = new Object[buffer.rowCount()];
        for (int i = 0; i < buffer.size(); i++) {
          int r = buffer.row(i);
          if (errors.isRedirected(r)) {
            continue;
          }
          try {
            values[r] = ValueConverter.convert(source[r], c.from(), c.to());
          } catch (DataConversionException | ArithmeticException e) {
            errors.handle(
                buffer,
                r,
                c.onError(),
                ErrorCodes.CONVERSION_FAILED,
                c.name(),
                new DataConversionException(e.getMessage()));
          }
        }
        out[c.target()] = values;
      }
      errors.send(io, buffer, buffer.withColumns(out), 0);
    }
  }
}
