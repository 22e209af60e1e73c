package io.sluice.engine.dataflow.transform.scd;

import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.CHANGING;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.FIXED;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.HISTORICAL;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.INFERRED;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.NEW;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.OUTPUTS;
import static io.sluice.engine.dataflow.transform.scd.SlowlyChangingDimensionType.UNCHANGED;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.RowFailedException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Caches the dimension's current rows by business key (all of them, once, before the first buffer:
 * SSIS's SCD looks each row up with a query instead), then routes each input row by comparing its
 * typed columns with its member's.
 */
final class SlowlyChangingDimension implements ComponentRuntime {

  /** A dimension value the input column's type cannot hold: differs from every input value. */
  private static final Object UNREADABLE = new Object();

  /** A current dimension row: its compared values (in the input's types), inferred or not. */
  private record Member(Object[] values, boolean inferred) {}

  private final SlowlyChangingDimensionType.Plan plan;

  SlowlyChangingDimension(SlowlyChangingDimensionType.Plan plan) {
    this.plan = plan;
  }

  @Override
  public void run(ComponentIo io) throws SQLException, InterruptedException {
    Map<Object, Member> members = load(io);
    int[] keys = plan.inputKeys();
    int[] compared = plan.compared();
    ScdSettings.ChangeType[] types = plan.changeTypes();
    long[] counts = new long[OUTPUTS.size()];
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      Object[][] in = buffer.columns();
      int size = buffer.size();
      int[][] rows = new int[OUTPUTS.size()][];
      int[] n = new int[OUTPUTS.size()];
      for (int i = 0; i < size; i++) {
        int r = buffer.row(i);
        Member member = members.get(key(in, keys, r));
        if (member == null) {
          add(rows, n, NEW, r, size);
          continue;
        }
        if (member.inferred()) {
          add(rows, n, INFERRED, r, size);
          continue;
        }
        boolean fixed = false;
        boolean changing = false;
        boolean historical = false;
        for (int c = 0; c < compared.length; c++) {
          if (same(in[compared[c]][r], member.values()[c])) {
            continue;
          }
          switch (types[c]) {
            case FIXED -> fixed = true;
            case CHANGING -> changing = true;
            case HISTORICAL -> historical = true;
          }
        }
        if (fixed) {
          if (plan.settings().failOnFixedChange()) {
            throw new RowFailedException(
                "a fixed attribute changed ("
                    + describe(in, keys, r)
                    + "): "
                    + fixedChanges(in, r, member)
                    + "; hint: set fixedAttributeChange: redirect to send such rows to the Fixed output",
                null);
          }
          add(rows, n, FIXED, r, size);
          continue;
        }
        // a row with type 1 and type 2 changes goes to both outputs, as in SSIS
        if (changing) {
          add(rows, n, CHANGING, r, size);
        }
        if (historical) {
          add(rows, n, HISTORICAL, r, size);
        }
        if (!changing && !historical) {
          add(rows, n, UNCHANGED, r, size);
        }
      }
      for (int o = 0; o < OUTPUTS.size(); o++) {
        counts[o] += n[o];
        if (n[o] == size) {
          io.send(o, buffer); // every row went one way: hand the buffer on as it is
        } else if (n[o] > 0) {
          io.send(o, buffer.select(rows[o], n[o]));
        }
      }
    }
    StringBuilder summary = new StringBuilder("Slowly Changing Dimension rows:");
    for (int o = 0; o < OUTPUTS.size(); o++) {
      summary.append(o == 0 ? " " : ", ").append(OUTPUTS.get(o)).append(' ').append(counts[o]);
    }
    io.information(summary.append('.').toString());
  }

  private static void add(int[][] rows, int[] n, int output, int r, int size) {
    if (rows[output] == null) {
      rows[output] = new int[size];
    }
    rows[output][n[output]++] = r;
  }

  private Map<Object, Member> load(ComponentIo io) throws SQLException {
    Map<Object, Member> members = new HashMap<>();
    RowSchema dimension = plan.dimension();
    RowSchema input = plan.input();
    int[] dimensionKeys = plan.dimensionKeys();
    int[] dimensionCompared = plan.dimensionCompared();
    ScdSettings.History history = plan.settings().history();
    int duplicates = 0;
    try (Connection connection = plan.connector().open();
        PreparedStatement statement = connection.prepareStatement(plan.sql())) {
      // PostgreSQL streams a result set only inside a transaction with a fetch size
      connection.setAutoCommit(false);
      statement.setFetchSize(10_000);
      try (ResultSet rs = statement.executeQuery()) {
        long read = 0;
        while (rs.next()) {
          if (++read % 65_536 == 0) {
            io.checkCancelled(); // a large dimension takes a while to read
          }
          if (history != null && !current(rs, history)) {
            continue;
          }
          Object[] key = new Object[dimensionKeys.length];
          boolean unmatchable = false;
          for (int k = 0; k < key.length; k++) {
            Object v = read(rs, dimension, input, dimensionKeys[k], plan.inputKeys()[k]);
            unmatchable |= v == null || v == UNREADABLE; // NULL keys never match
            key[k] = v;
          }
          if (unmatchable) {
            continue;
          }
          Object[] values = new Object[dimensionCompared.length];
          boolean allNull = true;
          for (int c = 0; c < values.length; c++) {
            values[c] = read(rs, dimension, input, dimensionCompared[c], plan.compared()[c]);
            allNull &= values[c] == null;
          }
          Member member = new Member(values, inferred(rs, allNull));
          if (members.putIfAbsent(key.length == 1 ? key[0] : Arrays.asList(key), member) != null) {
            duplicates++;
          }
        }
      }
      connection.rollback();
    }
    io.information(
        "The Slowly Changing Dimension cached "
            + members.size()
            + " current rows of "
            + plan.settings().table()
            + ".");
    if (duplicates > 0) {
      io.warning(
          duplicates
              + " current rows repeat a business key; the Slowly Changing Dimension compares"
              + " with the first of each.");
    }
    return members;
  }

  /** Whether a dimension row is its member's current one (flag value, or no end date yet). */
  private boolean current(ResultSet rs, ScdSettings.History history) throws SQLException {
    Object marker = rs.getObject(plan.marker() + 1);
    if (history.flagColumn() == null) {
      return marker == null;
    }
    if (marker instanceof Boolean b) {
      // a bit column SSIS compared with 1 is a boolean once in PostgreSQL
      String c = history.current();
      return b
          ? c.equalsIgnoreCase("true") || c.equals("1")
          : c.equalsIgnoreCase("false") || c.equals("0");
    }
    return marker != null && String.valueOf(marker).equalsIgnoreCase(history.current());
  }

  private boolean inferred(ResultSet rs, boolean allNull) throws SQLException {
    ScdSettings.Inferred inferred = plan.settings().inferred();
    if (inferred == null) {
      return false;
    }
    if (plan.indicator() < 0) {
      return allNull;
    }
    Object v = rs.getObject(plan.indicator() + 1);
    return v != null
        && (Boolean.TRUE.equals(v)
            || "1".equals(String.valueOf(v))
            || "true".equalsIgnoreCase(String.valueOf(v)));
  }

  /** A dimension value in the type of the input column it is compared with. */
  private static Object read(ResultSet rs, RowSchema dimension, RowSchema input, int d, int in)
      throws SQLException {
    DataType from = dimension.column(d).type();
    Object v = JdbcTypes.read(rs, d + 1, from);
    try {
      return ValueConverter.convert(v, from, input.column(in).type());
    } catch (DataConversionException e) {
      return UNREADABLE;
    }
  }

  /** NULL equals NULL (an attribute that stays NULL has not changed); numbers by value. */
  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return Objects.equals(a, b);
  }

  private static Object key(Object[][] in, int[] keys, int r) {
    if (keys.length == 1) {
      return in[keys[0]][r];
    }
    Object[] values = new Object[keys.length];
    for (int k = 0; k < keys.length; k++) {
      values[k] = in[keys[k]][r];
    }
    return Arrays.asList(values);
  }

  private String describe(Object[][] in, int[] keys, int r) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < keys.length; k++) {
      text.append(k == 0 ? "" : ", ")
          .append(plan.input().column(keys[k]).name())
          .append(" = ")
          .append(in[keys[k]][r]);
    }
    return text.toString();
  }

  private String fixedChanges(Object[][] in, int r, Member member) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < plan.compared().length; c++) {
      Object now = in[plan.compared()[c]][r];
      Object was = member.values()[c];
      if (plan.changeTypes()[c] == ScdSettings.ChangeType.FIXED && !same(now, was)) {
        text.append(text.isEmpty() ? "" : ", ")
            .append(plan.input().column(plan.compared()[c]).name())
            .append(" was ")
            .append(was == UNREADABLE ? "unreadable" : was)
            .append(", now ")
            .append(now);
      }
    }
    return text.toString();
  }
}
