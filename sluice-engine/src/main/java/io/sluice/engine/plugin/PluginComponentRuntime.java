package io.sluice.engine.plugin;

import io.sluice.api.component.ComponentContext;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.OutputRows;
import io.sluice.api.component.Row;
import io.sluice.api.component.RowException;
import io.sluice.api.context.Cancellation;
import io.sluice.api.context.Connections;
import io.sluice.api.context.Events;
import io.sluice.api.context.Variables;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Moves rows through a plugin component. A transformation's rows are seen through one reused {@link
 * BufferRow} that points at a physical row of the buffer (no row is copied or boxed anew); the
 * columns it adds are arrays of their own, and an input column it writes is copied once per buffer
 * before the first write, since buffers are shared and immutable once sent.
 *
 * <p>Outputs: SDK output 0 is the planner's output 0; SDK output n > 0 is the planner's n for a
 * source and n + 1 for a transformation (whose output 1 is Error). An asynchronous output fills
 * buffers of its own ({@link AsyncOutput}); a transformation with more than one synchronous output
 * sends each input buffer to each of them with the selection of rows directed there (as Conditional
 * Split does: no row is copied).
 */
final class PluginComponentRuntime implements io.sluice.engine.dataflow.pipeline.ComponentRuntime {

  private final ComponentKind kind;
  private final ComponentRuntime plugin;
  private final String name;
  private final int inputWidth;
  private final int[] widths;
  private final List<Boolean> synchronous;
  private final ErrorDisposition onError;

  private AsyncOutput[] async;

  PluginComponentRuntime(
      ComponentKind kind,
      ComponentRuntime plugin,
      String name,
      int inputWidth,
      int[] widths,
      List<Boolean> synchronous,
      ErrorDisposition onError) {
    this.kind = kind;
    this.plugin = plugin;
    this.name = name;
    this.inputWidth = inputWidth;
    this.widths = widths;
    this.synchronous = synchronous;
    this.onError = onError;
  }

  /** The planner's output number of SDK output {@code output}. */
  private int plannerOutput(int output) {
    return kind == ComponentKind.TRANSFORMATION && output > 0 ? output + 1 : output;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    async = new AsyncOutput[widths.length];
    if (kind != ComponentKind.DESTINATION) {
      for (int o = 0; o < widths.length; o++) {
        if (!synchronous.get(o)) {
          async[o] = new AsyncOutput(io, plannerOutput(o), widths[o]);
        }
      }
    }
    plugin.preExecute(new Context(io));
    try {
      switch (kind) {
        case SOURCE -> source(io);
        case TRANSFORMATION -> transform(io);
        case DESTINATION -> consume(io);
      }
    } finally {
      plugin.postExecute();
    }
  }

  private void source(ComponentIo io) throws Exception {
    plugin.createNewOutputRows(async[0]);
    flushAsync();
  }

  private void flushAsync() throws InterruptedException {
    for (AsyncOutput output : async) {
      if (output != null) {
        output.finish();
      }
    }
  }

  private void transform(ComponentIo io) throws Exception {
    RowErrors errors = new RowErrors(1);
    BufferRow row = new BufferRow(inputWidth);
    int[] syncOutputs = new int[widths.length];
    int syncCount = 0;
    for (int o = 0; o < widths.length; o++) {
      if (synchronous.get(o)) {
        syncOutputs[syncCount++] = o;
      }
    }
    Directions directions =
        syncCount > 1 ? new Directions(Arrays.copyOf(syncOutputs, syncCount), widths.length) : null;
    row.directions = directions;
    int width = widths[0];
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      Object[][] in = buffer.columns();
      Object[][] out = new Object[width][];
      System.arraycopy(in, 0, out, 0, in.length);
      for (int c = in.length; c < width; c++) {
        out[c] = new Object[buffer.rowCount()];
      }
      row.buffer(in, out);
      int size = buffer.size();
      if (directions != null) {
        directions.begin(size);
      }
      for (int i = 0; i < size; i++) {
        int r = buffer.row(i);
        row.at(r);
        try {
          plugin.processInputRow(row);
        } catch (RowException e) {
          int code = e.isTruncation() ? ErrorCodes.TRUNCATED : ErrorCodes.EXPRESSION_FAILED;
          if (errors.handle(buffer, r, onError, code, e.column(), e) && directions != null) {
            directions.forget(r);
          }
        }
      }
      Buffer result = buffer.withColumns(out);
      if (directions == null) {
        errors.send(io, buffer, result, 0);
      } else {
        for (int s = 0; s < syncCount; s++) {
          int o = syncOutputs[s];
          io.send(plannerOutput(o), result.select(directions.rows[o], directions.counts[o]));
        }
        errors.sendErrors(io, buffer);
      }
    }
    plugin.endOfInput();
    flushAsync();
  }

  private void consume(ComponentIo io) throws Exception {
    BufferRow row = new BufferRow(inputWidth);
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      Object[][] in = buffer.columns();
      row.readOnly(in);
      int size = buffer.size();
      for (int i = 0; i < size; i++) {
        row.at(buffer.row(i));
        plugin.processInputRow(row);
      }
    }
  }

  /** The rows of one buffer each synchronous output gets (SSIS's exclusion group). */
  private static final class Directions {
    final int[][] rows;
    final int[] counts;
    private final boolean[] synchronous;

    Directions(int[] syncOutputs, int outputs) {
      rows = new int[outputs][];
      counts = new int[outputs];
      synchronous = new boolean[outputs];
      for (int o : syncOutputs) {
        synchronous[o] = true;
        rows[o] = new int[0];
      }
    }

    void begin(int size) {
      for (int o = 0; o < rows.length; o++) {
        if (synchronous[o]) {
          // the previous buffer's selection was sent on with its array: never write into it again
          rows[o] = new int[size];
          counts[o] = 0;
        }
      }
    }

    void direct(int output, int physicalRow) {
      if (output < 0 || output >= rows.length || !synchronous[output]) {
        throw new IllegalArgumentException(
            "output " + output + " is not a synchronous output a row can be directed to");
      }
      int n = counts[output];
      if (n > 0 && rows[output][n - 1] == physicalRow) {
        return; // directed there twice
      }
      rows[output][n] = physicalRow;
      counts[output] = n + 1;
    }

    /** A redirected row goes to the Error output only. */
    void forget(int physicalRow) {
      for (int o = 0; o < rows.length; o++) {
        if (synchronous[o] && counts[o] > 0 && rows[o][counts[o] - 1] == physicalRow) {
          counts[o]--;
        }
      }
    }
  }

  /** An asynchronous output: rows of its own, sent a buffer at a time. */
  private static final class AsyncOutput implements OutputRows {
    private final ComponentIo io;
    private final int plannerOutput;
    private final BufferBuilder out;
    private final BufferRow row;
    private boolean started;

    AsyncOutput(ComponentIo io, int plannerOutput, int width) {
      this.io = io;
      this.plannerOutput = plannerOutput;
      this.out = new BufferBuilder(width, io.bufferRows());
      this.row = new BufferRow(width);
    }

    @Override
    public Row addRow() throws InterruptedException {
      if (started) {
        out.endRow();
      }
      if (out.isFull()) {
        io.send(plannerOutput, out.take());
      }
      io.checkCancelled();
      started = true;
      row.writable(out.columns(), out.rowIndex());
      return row;
    }

    void finish() throws InterruptedException {
      if (started) {
        out.endRow();
        started = false;
      }
      if (!out.isEmpty()) {
        io.send(plannerOutput, out.take());
      }
    }
  }

  /** One row of a buffer; moved from row to row, never allocated per row. */
  private static final class BufferRow implements Row {
    private final int inputWidth;
    private Object[][] in;
    private Object[][] out;
    private boolean[] copied;
    private int r;
    private Directions directions;

    BufferRow(int inputWidth) {
      this.inputWidth = inputWidth;
    }

    void buffer(Object[][] in, Object[][] out) {
      this.in = in;
      this.out = out;
      this.copied = new boolean[inputWidth];
    }

    void readOnly(Object[][] in) {
      this.in = in;
      this.out = null;
    }

    void writable(Object[][] columns, int row) {
      this.in = columns;
      this.out = columns;
      this.copied = null;
      this.r = row;
    }

    void at(int physicalRow) {
      r = physicalRow;
    }

    @Override
    public Object get(int column) {
      return (out != null ? out : in)[column][r];
    }

    @Override
    public boolean isNull(int column) {
      return get(column) == null;
    }

    @Override
    public String getString(int column) {
      Object v = get(column);
      return v == null ? null : v.toString();
    }

    @Override
    public Integer getInt(int column) {
      Object v = get(column);
      return v == null || v instanceof Integer ? (Integer) v : ((Number) v).intValue();
    }

    @Override
    public Long getLong(int column) {
      Object v = get(column);
      return v == null || v instanceof Long ? (Long) v : ((Number) v).longValue();
    }

    @Override
    public Double getDouble(int column) {
      Object v = get(column);
      return v == null || v instanceof Double ? (Double) v : ((Number) v).doubleValue();
    }

    @Override
    public BigDecimal getDecimal(int column) {
      Object v = get(column);
      return v == null || v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
    }

    @Override
    public Boolean getBoolean(int column) {
      return (Boolean) get(column);
    }

    @Override
    public void set(int column, Object value) {
      if (out == null) {
        throw new IllegalStateException("a destination's rows are read-only");
      }
      if (copied != null && column < inputWidth && !copied[column]) {
        out[column] = out[column].clone();
        copied[column] = true;
      }
      out[column][r] = value;
    }

    @Override
    public void setNull(int column) {
      set(column, null);
    }

    @Override
    public void directTo(int output) {
      if (directions == null) {
        Row.super.directTo(output);
      }
      directions.direct(output, r);
    }
  }

  private final class Context implements ComponentContext {
    private final ComponentIo io;
    private final Variables variables;

    Context(ComponentIo io) {
      this.io = io;
      this.variables = new FlowVariables(io.environment(), true);
    }

    @Override
    public String componentName() {
      return name;
    }

    @Override
    public Variables variables() {
      return variables;
    }

    @Override
    public OutputRows output(int output) {
      if (output < 0 || output >= async.length || async[output] == null) {
        throw new IllegalArgumentException(
            "output " + output + " of component '" + name + "' is not an asynchronous output");
      }
      return async[output];
    }

    @Override
    public byte[] projectFile(String path) {
      return io.environment().projectFile(path);
    }

    @Override
    public Connections connections() {
      return new FlowConnections(io.environment());
    }

    @Override
    public Events events() {
      return new Events() {
        @Override
        public void information(String message) {
          io.information(message);
        }

        @Override
        public void warning(String message) {
          io.warning(message);
        }

        @Override
        public void error(String message) {
          io.warning(message);
        }

        @Override
        public void progress(String message) {
          io.information(message);
        }
      };
    }

    @Override
    public Cancellation cancellation() {
      return new Cancellation() {
        @Override
        public boolean isCancelled() {
          return io.environment().cancellation().isCancelled();
        }

        @Override
        public void check() {
          try {
            io.checkCancelled();
          } catch (CancellationException e) {
            throw e;
          }
        }
      };
    }
  }
}
