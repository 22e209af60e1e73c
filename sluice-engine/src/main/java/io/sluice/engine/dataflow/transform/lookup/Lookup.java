package io.sluice.engine.dataflow.transform.lookup;

import static java.util.stream.Collectors.joining;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowFailedException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Loads the full cache, then matches each buffer's rows against it. */
final class Lookup implements ComponentRuntime {

  private final LookupType.Plan plan;
  private final RowSchema input;

  Lookup(LookupType.Plan plan, RowSchema input) {
    this.plan = plan;
    this.input = input;
  }

  @Override
  public void run(ComponentIo io) throws SQLException, InterruptedException {
    Map<Object, Object[]> cache = load(io);
    int[] keys = plan.inputKeys();
    int[] returned = plan.returned();
    int inputWidth = input.width();
    // ErrorColumn of a row without a match: the input columns it was looked up by
    String keyColumns =
        Arrays.stream(keys).mapToObj(k -> input.column(k).name()).collect(joining(", "));
    RowErrors errors = new RowErrors(2);
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      Object[][] in = buffer.columns();
      Object[][] out = Arrays.copyOf(in, plan.width());
      for (int a = 0; a < returned.length; a++) {
        out[inputWidth + a] = new Object[buffer.rowCount()];
      }
      int[] matched = new int[buffer.size()];
      int[] unmatched = new int[buffer.size()];
      int m = 0;
      int u = 0;
      for (int i = 0; i < buffer.size(); i++) {
        int r = buffer.row(i);
        Object[] found = cache.get(key(in, keys, r));
        if (found != null) {
          for (int a = 0; a < returned.length; a++) {
            out[inputWidth + a][r] = found[a];
          }
          matched[m++] = r;
          continue;
        }
        switch (plan.noMatch()) {
          case IGNORE -> matched[m++] = r;
          case REDIRECT -> unmatched[u++] = r;
          case ERROR ->
              errors.handle(
                  buffer,
                  r,
                  ErrorDisposition.REDIRECT,
                  ErrorCodes.LOOKUP_NO_MATCH,
                  keyColumns,
                  null);
          default ->
              throw new RowFailedException(
                  "Row yielded no match during lookup (" + describeKey(in, keys, r) + ")", null);
        }
      }
      io.send(0, buffer.withColumns(out).select(matched, m));
      io.send(1, buffer.select(unmatched, u));
      errors.sendErrors(io, buffer);
    }
  }

  private Map<Object, Object[]> load(ComponentIo io) throws SQLException {
    Map<Object, Object[]> cache = new HashMap<>();
    RowSchema reference = plan.reference();
    int[] refKeys = plan.referenceKeys();
    int duplicates = 0;
    try (Connection connection = plan.connector().open();
        PreparedStatement statement = connection.prepareStatement(plan.sql());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Object[] keyValues = new Object[refKeys.length];
        boolean hasNull = false;
        for (int k = 0; k < refKeys.length; k++) {
          DataType from = reference.column(refKeys[k]).type();
          DataType to = input.column(plan.inputKeys()[k]).type();
          Object v = JdbcTypes.read(rs, refKeys[k] + 1, from);
          try {
            keyValues[k] = ValueConverter.convert(v, from, to);
          } catch (DataConversionException e) {
            hasNull = true; // a reference key that the input's type cannot hold matches nothing
          }
          hasNull |= keyValues[k] == null;
        }
        if (hasNull) {
          continue;
        }
        Object[] values = new Object[plan.returned().length];
        for (int a = 0; a < values.length; a++) {
          int column = plan.returned()[a];
          values[a] = JdbcTypes.read(rs, column + 1, reference.column(column).type());
        }
        Object key = refKeys.length == 1 ? keyValues[0] : Arrays.asList(keyValues);
        if (cache.putIfAbsent(key, values) != null) {
          duplicates++;
        }
      }
    }
    io.information("The Lookup cached " + cache.size() + " rows.");
    if (duplicates > 0) {
      io.warning(duplicates + " reference rows repeat a key; the Lookup uses the first of each.");
    }
    return cache;
  }

  /** A row's key as the cache holds it; NULL keys never match (null is not in the cache). */
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

  private String describeKey(Object[][] in, int[] keys, int r) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < keys.length; k++) {
      text.append(k == 0 ? "" : ", ")
          .append(input.column(keys[k]).name())
          .append(" = ")
          .append(in[keys[k]][r]);
    }
    return text.toString();
  }
}
