package io.sluice.engine.dataflow.transform.row;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CopyColumn}: adds copies of columns under new names. Values are immutable and arrays are
 * never written after sending, so a copy is the same array under a second name: free.
 */
public final class CopyColumnType extends SimpleComponentType {

  public CopyColumnType() {
    super("CopyColumn", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of().withItems("columns", "input", "output");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<Column> added = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (Settings c : spec.settings().list("columns")) {
      int source = input.indexOf(c.string("input"));
      added.add(new Column(c.string("output"), input.column(source).type()));
      sources.add(source);
    }
    if (added.isEmpty()) {
      throw new PlanningException("a CopyColumn needs 'columns' (input, output)");
    }
    RowSchema output = input.plus(added);
    int[] from = sources.stream().mapToInt(Integer::intValue).toArray();
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", output)),
        io -> {
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            Object[][] in = buffer.columns();
            Object[][] out = new Object[in.length + from.length][];
            System.arraycopy(in, 0, out, 0, in.length);
            for (int i = 0; i < from.length; i++) {
              out[in.length + i] = in[from[i]];
            }
            io.send(0, buffer.withColumns(out));
          }
        });
  }
}
