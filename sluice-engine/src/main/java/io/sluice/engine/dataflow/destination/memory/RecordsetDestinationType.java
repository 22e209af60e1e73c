package io.sluice.engine.dataflow.destination.memory;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RecordsetDestination}: collects rows into an Object variable as a list of rows, each row a
 * map from column name to value in column order (what a Foreach loop enumerates).
 */
public final class RecordsetDestinationType extends SimpleComponentType {

  public RecordsetDestinationType() {
    super("RecordsetDestination", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("variable", "columns");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String variable = RowCountType.qualified(spec.settings().string("variable"));
    if (!context.environment().isWritableVariable(variable)) {
      throw new PlanningException(
          "variable '" + variable + "' does not exist or is read-only; declare it in the package");
    }
    RowSchema input = context.input(0);
    List<String> wanted = spec.settings().strings("columns");
    List<Integer> indexes = new ArrayList<>();
    if (wanted.isEmpty()) {
      for (int i = 0; i < input.width(); i++) {
        indexes.add(i);
      }
    } else {
      wanted.forEach(name -> indexes.add(input.indexOf(name)));
    }
    List<String> names = indexes.stream().map(input::column).map(Column::name).toList();
    return PlannedComponent.of(
        List.of(),
        io -> {
          List<Map<String, Object>> rows = new ArrayList<>();
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            for (int i = 0; i < buffer.size(); i++) {
              int r = buffer.row(i);
              Map<String, Object> row = new LinkedHashMap<>();
              for (int c = 0; c < indexes.size(); c++) {
                row.put(names.get(c), buffer.value(indexes.get(c), r));
              }
              rows.add(Collections.unmodifiableMap(row));
            }
          }
          io.environment().setVariable(variable, Collections.unmodifiableList(rows));
        });
  }
}
