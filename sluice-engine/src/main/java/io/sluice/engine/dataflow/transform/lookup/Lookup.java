package io.sluice.engine.dataflow.transform.lookup;

import static java.util.stream.Collectors.joining;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowFailedException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Matches each buffer's rows against the cache of its mode (see {@link LookupCache}). */
final class Lookup implements ComponentRuntime {

  private final LookupType.Plan plan;
  private final RowSchema input;

  Lookup(LookupType.Plan plan, RowSchema input) {
    this.plan = plan;
    this.input = input;
  }

  @Override
  public void run(ComponentIo io) throws SQLException, InterruptedException {
    try (LookupCache cache = open(io)) {
      match(io, cache);
      io.information(cache.summary());
    }
  }

  private LookupCache open(ComponentIo io) throws SQLException {
    if (plan.cache() != null) {
      return CacheLookup.load(plan);
    }
    ReferenceRows reader = new ReferenceRows(plan, input);
    return switch (plan.cacheMode()) {
      case FULL -> FullCache.load(plan, reader, io);
      case PARTIAL -> new QueryCache(plan, input, plan.cacheBytes(), plan.missCache());
      case NONE -> new QueryCache(plan, input, 0, false);
    };
  }

  private void match(ComponentIo io, LookupCache cache) throws SQLException, InterruptedException {
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
      Object[] rowKeys = new Object[buffer.size()];
      Set<Object> distinct = new LinkedHashSet<>();
      for (int i = 0; i < buffer.size(); i++) {
        rowKeys[i] = key(in, keys, buffer.row(i));
        if (rowKeys[i] != null) {
          distinct.add(rowKeys[i]);
        }
      }
      cache.prepare(distinct);
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
        Object[] found = rowKeys[i] == null ? null : cache.get(rowKeys[i]);
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

  /** A row's key as the cache holds it, or null when a key column is NULL (never matches). */
  private static Object key(Object[][] in, int[] keys, int r) {
    if (keys.length == 1) {
      return in[keys[0]][r];
    }
    Object[] values = new Object[keys.length];
    for (int k = 0; k < keys.length; k++) {
      values[k] = in[keys[k]][r];
      if (values[k] == null) {
        return null;
      }
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
