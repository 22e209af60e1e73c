package io.sluice.engine.dataflow.transform.pivot;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code Unpivot}: turns columns into rows (SSIS's Unpivot). Each unpivoted input column names its
 * {@code destination} column and its {@code pivotKeyValue}; an input row gives one output row per
 * pivot key value, with the pass-through columns, the destination columns and the pivot key value
 * column. A row whose values for a pivot key value are all NULL is left out, as in SSIS.
 */
public final class UnpivotType extends SimpleComponentType {

  public UnpivotType() {
    super("Unpivot", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("pivotKeyColumn", "pivotKeyType", "passThrough")
        .withItems("columns", "input", "destination", "pivotKeyValue");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    Settings settings = spec.settings();
    List<Settings> columns = settings.list("columns");
    if (columns.isEmpty()) {
      throw new PlanningException(
          "an Unpivot needs 'columns' (input, destination, pivotKeyValue): the columns to unpivot");
    }
    String keyColumn = settings.string("pivotKeyColumn");
    // destination name (as first written) -> its type; pivot key value -> destination -> input
    Map<String, Column> destinations = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> byKey = new LinkedHashMap<>();
    Set<Integer> unpivoted = new LinkedHashSet<>();
    int keyLength = 1;
    for (Settings c : columns) {
      String inputName = c.string("input");
      int from = input.indexOf(inputName);
      Column source = input.column(from);
      String destination = c.string("destination");
      String key = c.string("pivotKeyValue");
      Column existing = destinations.get(destination.toLowerCase(Locale.ROOT));
      if (existing == null) {
        destinations.put(
            destination.toLowerCase(Locale.ROOT), new Column(destination, source.type()));
      } else if (!existing.type().equals(source.type())) {
        throw new PlanningException(
            "column '"
                + source.name()
                + "' is "
                + source.type()
                + " but goes to destination '"
                + existing.name()
                + "', which is "
                + existing.type()
                + " from another column; convert it first (DataConversion)");
      }
      Map<String, Integer> inputs = byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
      if (inputs.put(destination.toLowerCase(Locale.ROOT), from) != null) {
        throw new PlanningException(
            "pivot key value '"
                + key
                + "' is given twice for destination '"
                + destination
                + "'; each input column of a destination needs its own pivot key value");
      }
      if (!unpivoted.add(from)) {
        throw new PlanningException("column '" + source.name() + "' is unpivoted twice");
      }
      keyLength = Math.max(keyLength, key.length());
    }
    List<Integer> pass = new ArrayList<>();
    if (settings.has("passThrough")) {
      for (String name : settings.strings("passThrough")) {
        int i = input.indexOf(name);
        if (unpivoted.contains(i)) {
          throw new PlanningException(
              "column '" + name + "' is unpivoted; it cannot also pass through");
        }
        pass.add(i);
      }
    } else {
      for (int i = 0; i < input.width(); i++) {
        if (!unpivoted.contains(i)) {
          pass.add(i);
        }
      }
    }
    List<Column> out = new ArrayList<>();
    pass.forEach(i -> out.add(input.column(i)));
    List<Column> destinationColumns = new ArrayList<>(destinations.values());
    DataType keyType = DataType.wstr(keyLength);
    if (settings.has("pivotKeyType")) {
      keyType = DataTypes.parse(settings.string("pivotKeyType"), "column '" + keyColumn + "'");
      if (!keyType.kind().isString() || keyType.length() < keyLength) {
        throw new PlanningException(
            "'pivotKeyType' must be DT_WSTR or DT_STR holding the longest pivot key value ("
                + keyLength
                + " characters), not "
                + keyType);
      }
    }
    RowSchema output =
        RowSchema.of(out).plus(destinationColumns).plus(List.of(new Column(keyColumn, keyType)));
    List<String> destinationKeys = new ArrayList<>(destinations.keySet());
    List<Unpivot.KeyRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> e : byKey.entrySet()) {
      int[] sources = new int[destinationKeys.size()];
      for (int d = 0; d < sources.length; d++) {
        sources[d] = e.getValue().getOrDefault(destinationKeys.get(d), -1);
      }
      rows.add(new Unpivot.KeyRow(e.getKey(), sources));
    }
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", output)),
        new Unpivot(pass.stream().mapToInt(Integer::intValue).toArray(), rows, output.width()));
  }
}
