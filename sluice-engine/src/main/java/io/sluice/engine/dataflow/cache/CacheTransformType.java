package io.sluice.engine.dataflow.cache;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code CacheTransform} (SSIS's Cache Transform): writes its input rows into a cache connection,
 * for the Lookups of later data flows. Each cache column takes the input column of its name, or the
 * one {@code mappings} names (cache column: input column), of the same data type. Only unique rows
 * are kept: a row whose key repeats an earlier row's is left out, with a warning.
 */
public final class CacheTransformType extends SimpleComponentType {

  public CacheTransformType() {
    super("CacheTransform", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("connection", "mappings");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String connectionName = spec.settings().string("connection");
    CacheConnection cache =
        context
            .environment()
            .cache(connectionName)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connectionName + "' is not a cache connection"));
    RowSchema input = context.input(0);
    Map<String, Object> mappings =
        spec.settings().has("mappings") ? spec.settings().map("mappings").asMap() : Map.of();
    RowSchema columns = cache.columns().schema();
    for (String mapped : mappings.keySet()) {
      if (columns.find(mapped).isEmpty()) {
        throw new PlanningException(
            "mappings names '"
                + mapped
                + "', which is not a column of cache connection '"
                + connectionName
                + "'; it has "
                + columns.names());
      }
    }
    int[] from = new int[columns.width()];
    for (int c = 0; c < columns.width(); c++) {
      Column column = columns.column(c);
      String inputName = String.valueOf(mappings.getOrDefault(column.name(), column.name()));
      int in =
          input
              .find(inputName)
              .orElseThrow(
                  () ->
                      new PlanningException(
                          "cache column '"
                              + column.name()
                              + "' has no input column '"
                              + inputName
                              + "'; map it with mappings: {"
                              + column.name()
                              + ": <input column>}; the input has "
                              + input.names()));
      if (!input.column(in).type().equals(column.type())) {
        throw new PlanningException(
            "input column '"
                + inputName
                + "' is "
                + input.column(in).type()
                + " but cache column '"
                + column.name()
                + "' is "
                + column.type()
                + "; convert it first (Data Conversion) or change the cache column's type");
      }
      from[c] = in;
    }
    String component = spec.name();
    int[] keys = cache.columns().keys();
    return PlannedComponent.of(
        List.of(),
        io -> {
          cache.claim(component);
          List<Object[]> rows = new ArrayList<>();
          Set<Object> seen = new HashSet<>();
          long repeated = 0;
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            for (int i = 0; i < buffer.size(); i++) {
              int r = buffer.row(i);
              Object[] row = new Object[from.length];
              for (int c = 0; c < from.length; c++) {
                row[c] = buffer.value(from[c], r);
              }
              Object[] key = new Object[keys.length];
              for (int k = 0; k < keys.length; k++) {
                key[k] = row[keys[k]];
              }
              if (seen.add(Arrays.asList(key))) {
                rows.add(row);
              } else {
                repeated++;
              }
            }
          }
          cache.fill(rows);
          io.information(
              "The Cache Transform wrote "
                  + rows.size()
                  + " rows to cache connection '"
                  + connectionName
                  + "'"
                  + cache.file().map(f -> " and its file " + f).orElse("")
                  + ".");
          if (repeated > 0) {
            io.warning(
                repeated + " rows repeated an earlier row's key and were left out of the cache.");
          }
        });
  }
}
