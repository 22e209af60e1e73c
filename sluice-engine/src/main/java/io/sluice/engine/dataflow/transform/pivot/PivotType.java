package io.sluice.engine.dataflow.transform.pivot;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Pivot}: turns rows into columns (SSIS's Pivot). Consecutive rows with the same {@code
 * setKey} values (PivotUsage 1) become one output row; each row's {@code pivotKey} value
 * (PivotUsage 2) picks the output column (by its {@code pivotKeyValue}) that receives its {@code
 * pivotValue} (PivotUsage 3); {@code passThrough} columns (PivotUsage 0) keep the first row's
 * value. As in SSIS the input is expected sorted by the set key: a key that comes back after
 * another starts a new output row. Streams: only the output row being built is held.
 */
public final class PivotType extends SimpleComponentType {

  public PivotType() {
    super("Pivot", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
            "setKey", "pivotKey", "pivotValue", "passThrough", "onError", "ignoreUnmatchedKeys")
        .withItems("columns", "name", "pivotKeyValue");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    Settings settings = spec.settings();
    int pivotKey = input.indexOf(settings.string("pivotKey"));
    int pivotValue = input.indexOf(settings.string("pivotValue"));
    if (pivotKey == pivotValue) {
      throw new PlanningException("'pivotKey' and 'pivotValue' must be different columns");
    }
    Set<Integer> used = new HashSet<>(List.of(pivotKey, pivotValue));
    List<Integer> setKey = columns(settings.strings("setKey"), input, used, "setKey");
    List<Integer> pass = columns(settings.strings("passThrough"), input, used, "passThrough");
    List<Settings> pivoted = settings.list("columns");
    boolean ignoreUnmatched = settings.bool("ignoreUnmatchedKeys", false);
    if (pivoted.isEmpty() && !ignoreUnmatched) {
      throw new PlanningException(
          "a Pivot needs 'columns' (name, pivotKeyValue): one output column per pivot key value");
    }
    List<Column> out = new ArrayList<>();
    setKey.forEach(i -> out.add(input.column(i)));
    pass.forEach(i -> out.add(input.column(i)));
    RowSchema output = RowSchema.of(out);
    Map<String, Integer> byKeyValue = new HashMap<>();
    List<Column> added = new ArrayList<>();
    for (Settings c : pivoted) {
      String name = c.string("name");
      String keyValue = c.string("pivotKeyValue");
      if (byKeyValue.put(keyValue, out.size() + added.size()) != null) {
        throw new PlanningException(
            "pivot key value '" + keyValue + "' is given to two columns; each needs its own");
      }
      added.add(new Column(name, input.column(pivotValue).type()));
    }
    output = output.plus(added);
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", output),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new Pivot(
            setKey.stream().mapToInt(Integer::intValue).toArray(),
            pass.stream().mapToInt(Integer::intValue).toArray(),
            pivotKey,
            input.column(pivotKey),
            pivotValue,
            byKeyValue,
            output.width(),
            ErrorDisposition.parse(settings.string("onError", null)),
            ignoreUnmatched));
  }

  private static List<Integer> columns(
      List<String> names, RowSchema input, Set<Integer> used, String setting) {
    List<Integer> indexes = new ArrayList<>();
    for (String name : names) {
      int i = input.indexOf(name);
      if (!used.add(i)) {
        throw new PlanningException(
            "column '"
                + name
                + "' in '"
                + setting
                + "' already has another role; a column is a set key, a pass-through, the pivot"
                + " key or the pivot value");
      }
      indexes.add(i);
    }
    return indexes;
  }
}
