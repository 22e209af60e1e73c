package io.sluice.engine.dataflow.transform.pivot;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.Map;
import java.util.Objects;

/** Builds one output row per run of equal set keys; sends it when the key changes or input ends. */
final class Pivot implements ComponentRuntime {

  /** SSIS's DTS_E_TXPIVOTRUNTIMEDUPLICATEPIVOTKEYVALUE: a set key has a pivot key value twice. */
  static final int DUPLICATE_PIVOT_KEY_VALUE = -1071636273;

  /** Sluice's own code (SSIS's range): a pivot key value no output column takes. */
  static final int UNKNOWN_PIVOT_KEY_VALUE = 0xC0209400;

  private final int[] setKey;
  private final int[] pass;
  private final int pivotKey;
  private final Column pivotKeyColumn;
  private final int pivotValue;
  private final Map<String, Integer> byKeyValue;
  private final int width;
  private final ErrorDisposition onError;
  private final boolean ignoreUnmatched;

  /** At most this many unmatched values are listed at the end (SSIS lists them all). */
  static final int UNMATCHED_LISTED = 1000;

  Pivot(
      int[] setKey,
      int[] pass,
      int pivotKey,
      Column pivotKeyColumn,
      int pivotValue,
      Map<String, Integer> byKeyValue,
      int width,
      ErrorDisposition onError,
      boolean ignoreUnmatched) {
    this.setKey = setKey;
    this.pass = pass;
    this.pivotKey = pivotKey;
    this.pivotKeyColumn = pivotKeyColumn;
    this.pivotValue = pivotValue;
    this.byKeyValue = byKeyValue;
    this.width = width;
    this.onError = onError;
    this.ignoreUnmatched = ignoreUnmatched;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    BufferBuilder out = new BufferBuilder(width, io.bufferRows());
    RowErrors errors = new RowErrors(1);
    Object[] row = null;
    boolean[] filled = new boolean[width];
    java.util.Set<String> unmatched = new java.util.LinkedHashSet<>();
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      Object[][] in = buffer.columns();
      for (int i = 0; i < buffer.size(); i++) {
        int r = buffer.row(i);
        if (row == null || !sameKey(row, in, r)) {
          if (row != null) {
            emit(io, out, row);
          }
          row = new Object[width];
          java.util.Arrays.fill(filled, false);
          int c = 0;
          for (int k : setKey) {
            row[c++] = in[k][r];
          }
          for (int p : pass) {
            row[c++] = in[p][r];
          }
        }
        String keyValue = text(in[pivotKey][r]);
        Integer target = keyValue == null ? null : byKeyValue.get(keyValue);
        if (target == null && ignoreUnmatched) {
          if (unmatched.size() < UNMATCHED_LISTED) {
            unmatched.add(String.valueOf(keyValue));
          }
        } else if (target == null) {
          errors.handle(
              buffer,
              r,
              onError,
              UNKNOWN_PIVOT_KEY_VALUE,
              pivotKeyColumn.name(),
              new DataConversionException(
                  "pivot key value '" + keyValue + "' is not the pivotKeyValue of any column"));
        } else if (filled[target]) {
          errors.handle(
              buffer,
              r,
              onError,
              DUPLICATE_PIVOT_KEY_VALUE,
              pivotKeyColumn.name(),
              new DataConversionException(
                  "duplicate pivot key value '"
                      + keyValue
                      + "' for one set key (is the input sorted by the set key?)"));
        } else {
          row[target] = in[pivotValue][r];
          filled[target] = true;
        }
      }
      errors.sendErrors(io, buffer);
    }
    if (row != null) {
      emit(io, out, row);
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
    if (!unmatched.isEmpty()) {
      // SSIS's PassThroughUnmatchedPivotKeys: the values, to make output columns of
      io.information(
          "pivot key values no column takes (ignored): "
              + String.join(", ", unmatched)
              + (unmatched.size() == UNMATCHED_LISTED ? " ..." : ""));
    }
  }

  private boolean sameKey(Object[] row, Object[][] in, int r) {
    for (int k = 0; k < setKey.length; k++) {
      if (!Objects.equals(row[k], in[setKey[k]][r])) {
        return false;
      }
    }
    return true;
  }

  private static void emit(ComponentIo io, BufferBuilder out, Object[] row)
      throws InterruptedException {
    out.add(row);
    if (out.isFull()) {
      io.send(0, out.take());
    }
  }

  /** A pivot key as the text its PivotKeyValue is compared with. */
  private String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return (String)
        ValueConverter.convert(
            value, pivotKeyColumn.type(), DataType.wstr(DataType.MAX_WSTR_LENGTH));
  }
}
