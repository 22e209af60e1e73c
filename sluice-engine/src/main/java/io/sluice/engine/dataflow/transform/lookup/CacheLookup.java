package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.cache.CacheColumns;
import io.sluice.engine.dataflow.cache.CacheConnection;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lookup on a cache connection (SSIS's "Cache connection manager" connection type): the reference
 * rows are the cache's, always fully cached. As in SSIS the joins must cover the cache's index
 * columns exactly, each with an input column of the same data type.
 */
final class CacheLookup {

  private CacheLookup() {}

  static PlannedComponent plan(Settings s, CacheConnection cache, RowSchema input) {
    for (String queryKey : List.of("query", "table")) {
      if (s.has(queryKey)) {
        throw new PlanningException(
            "'"
                + queryKey
                + "' is a setting of a Lookup on a JDBC connection; connection '"
                + cache.name()
                + "' is a cache connection, whose columns are the reference");
      }
    }
    if (s.has("cacheMode") && !s.string("cacheMode").equalsIgnoreCase("full")) {
      throw new PlanningException(
          "a Lookup on cache connection '"
              + cache.name()
              + "' uses a full cache (as in SSIS); remove cacheMode '"
              + s.string("cacheMode")
              + "'");
    }
    CacheColumns columns = cache.columns();
    RowSchema reference = columns.schema();
    Map<String, Object> joins = s.map("joins").asMap();
    int[] inputKeys = new int[columns.keys().length];
    List<String> unjoined = new ArrayList<>();
    boolean[] joined = new boolean[columns.keys().length];
    for (Map.Entry<String, Object> join : joins.entrySet()) {
      int in = input.indexOf(join.getKey());
      int ref = LookupType.reference(reference, String.valueOf(join.getValue()));
      int position = columns.indexPositions()[ref];
      if (position == 0) {
        throw new PlanningException(
            "join column '"
                + join.getValue()
                + "' of cache connection '"
                + cache.name()
                + "' is not an index column; a Lookup joins on the index columns "
                + keyNames(columns));
      }
      if (!input.column(in).type().equals(reference.column(ref).type())) {
        throw new PlanningException(
            "join column '"
                + join.getKey()
                + "' is "
                + input.column(in).type()
                + " but index column '"
                + reference.column(ref).name()
                + "' of cache connection '"
                + cache.name()
                + "' is "
                + reference.column(ref).type()
                + "; the types must be the same (convert the input column first)");
      }
      inputKeys[position - 1] = in;
      joined[position - 1] = true;
    }
    for (int k = 0; k < joined.length; k++) {
      if (!joined[k]) {
        unjoined.add(reference.column(columns.keys()[k]).name());
      }
    }
    if (!unjoined.isEmpty()) {
      throw new PlanningException(
          "the joins leave out index column(s) "
              + unjoined
              + " of cache connection '"
              + cache.name()
              + "'; a Lookup on a cache joins on every index column "
              + keyNames(columns));
    }
    return LookupType.plan(s, input, reference, inputKeys, columns.keys(), null, null, cache);
  }

  private static List<String> keyNames(CacheColumns columns) {
    return Arrays.stream(columns.keys()).mapToObj(k -> columns.schema().column(k).name()).toList();
  }

  /** The cache's rows by key, read when the Lookup starts (after the filling flow ended). */
  static FullCache load(LookupType.Plan plan) {
    CacheConnection cache = plan.cache();
    int[] keys = cache.columns().keys();
    int[] returned = plan.returned();
    Map<Object, Object[]> rows = new HashMap<>();
    for (Object[] row : cache.rows()) {
      Object key;
      if (keys.length == 1) {
        key = row[keys[0]];
      } else {
        Object[] values = new Object[keys.length];
        for (int k = 0; k < keys.length; k++) {
          values[k] = row[keys[k]];
        }
        key = Arrays.asList(values);
      }
      Object[] values = new Object[returned.length];
      for (int a = 0; a < returned.length; a++) {
        values[a] = row[returned[a]];
      }
      rows.putIfAbsent(key, values);
    }
    return FullCache.of(rows);
  }
}
