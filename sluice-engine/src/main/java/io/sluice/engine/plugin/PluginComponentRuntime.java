package io.sluice.engine.plugin;

import io.sluice.api.component.ComponentContext;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentRuntime;
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
import java.util.concurrent.CancellationException;

/**
 * Moves rows through a plugin component. A transformation's rows are seen through one reused {@link
 * BufferRow} that points at a physical row of the buffer (no row is copied or boxed anew); the
 * columns it adds are arrays of their own, and an input column it writes is copied once per buffer
 * before the first write, since buffers are shared and immutable once sent.
 */
final class PluginComponentRuntime implements io.sluice.engine.dataflow.pipeline.ComponentRuntime {

  private final ComponentKind kind;
  private final ComponentRuntime plugin;
  private final String name;
  private final int inputWidth;
  private final int width;
  private final ErrorDisposition onError;

  PluginComponentRuntime(
      ComponentKind kind,
      ComponentRuntime plugin,
      String name,
      int inputWidth,
      int width,
      ErrorDisposition onError) {
    this.kind = kind;
    this.plugin = plugin;
    this.name = name;
    this.inputWidth = inputWidth;
    this.width = width;
    this.onError = onError;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
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
    BufferBuilder out = new BufferBuilder(width, io.bufferRows());
    BufferRow row = new BufferRow(width);
    boolean[] started = {false};
    plugin.createNewOutputRows(
        () -> {
          if (started[0]) {
            out.endRow();
          }
          if (out.isFull()) {
            io.send(0, out.take());
          }
          io.checkCancelled();
          started[0] = true;
          row.writable(out.columns(), out.rowIndex());
          return row;
        });
    if (started[0]) {
      out.endRow();
    }
    if (!out.isEmpty()) {
      io.send(0, out.take());
    }
  }

  private void transform(ComponentIo io) throws Exception {
    RowErrors errors = new RowErrors(1);
    BufferRow row = new BufferRow(inputWidth);
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
      for (int i = 0; i < size; i++) {
        int r = buffer.row(i);
        row.at(r);
        try {
          plugin.processInputRow(row);
        } catch (RowException e) {
          errors.handle(buffer, r, onError, ErrorCodes.EXPRESSION_FAILED, e.column(), e);
        }
      }
      errors.send(io, buffer, buffer.withColumns(out), 0);
    }
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

  /** One row of a buffer; moved from row to row, never allocated per row. */
  private static final class BufferRow implements Row {
    private final int inputWidth;
    private Object[][] in;
    private Object[][] out;
    private boolean[] copied;
    private int r;

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
