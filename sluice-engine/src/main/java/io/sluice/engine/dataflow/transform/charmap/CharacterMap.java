package io.sluice.engine.dataflow.transform.charmap;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import java.util.List;
import java.util.Set;

/** Maps each column over the whole buffer into a new array; input arrays are never written. */
final class CharacterMap implements ComponentRuntime {

  /**
   * @param length the column's length in characters, 0 when unbounded (DT_TEXT, DT_NTEXT)
   */
  record Mapping(
      String column,
      int source,
      int target,
      Set<Operation> operations,
      int length,
      ErrorDisposition onError) {}

  private final List<Mapping> mappings;
  private final int width;

  CharacterMap(List<Mapping> mappings, int width) {
    this.mappings = mappings;
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
      for (Mapping m : mappings) {
        out[m.target()] = map(m, buffer, errors);
      }
      errors.send(io, buffer, buffer.withColumns(out), 0);
    }
  }

  private static Object[] map(Mapping m, Buffer buffer, RowErrors errors) {
    Object[] source = buffer.columns()[m.source()];
    Object[] values = new Object[buffer.rowCount()];
    for (int i = 0; i < buffer.size(); i++) {
      int r = buffer.row(i);
      String v = (String) source[r];
      if (v == null || errors.isRedirected(r)) {
        continue;
      }
      String mapped = CharacterMaps.apply(v, m.operations());
      if (m.length() > 0 && mapped.length() > m.length()) {
        boolean redirected =
            errors.handle(
                buffer,
                r,
                m.onError(),
                ErrorCodes.TRUNCATED,
                m.column(),
                new DataConversionException(
                    "Text was truncated: the mapped value has "
                        + mapped.length()
                        + " characters, the column holds "
                        + m.length()));
        // ignore: SSIS keeps the truncated value
        mapped = redirected ? null : mapped.substring(0, m.length());
      }
      values[r] = mapped;
    }
    return values;
  }
}
