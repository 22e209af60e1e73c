package io.sluice.engine.dataflow.transform.split;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import java.util.List;
import java.util.Optional;

/**
 * {@code UnionAll}: rows of all inputs, in arrival order, with the first input's columns. Other
 * inputs match columns by name; a column an input lacks is NULL. Buffers pass with their column
 * arrays rearranged, never copied.
 */
public final class UnionAllType implements ComponentType {

  @Override
  public String name() {
    return "UnionAll";
  }

  @Override
  public int minInputs() {
    return 1;
  }

  @Override
  public int maxInputs() {
    return Integer.MAX_VALUE;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("columns");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema first = context.input(0);
    List<String> wanted = spec.settings().strings("columns");
    List<Column> columns =
        wanted.isEmpty()
            ? first.columns()
            : wanted.stream().map(n -> first.column(first.indexOf(n))).toList();
    int[][] mapping = new int[context.inputCount()][columns.size()];
    for (int in = 0; in < context.inputCount(); in++) {
      RowSchema schema = context.input(in);
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        Optional<Integer> found = schema.find(column.name());
        if (found.isPresent()) {
          Column other = schema.column(found.get());
          if (other.type().kind() != column.type().kind()) {
            throw new PlanningException(
                "column '"
                    + column.name()
                    + "' is "
                    + column.type()
                    + " on input 1 but "
                    + other.type()
                    + " on input "
                    + (in + 1)
                    + "; convert one of them (Data Conversion) first");
          }
          mapping[in][c] = found.get();
        } else {
          mapping[in][c] = -1;
        }
      }
    }
    return new PlannedComponent(
        List.of(new OutputPlan("Output", RowSchema.of(columns))),
        io -> {
          ComponentIo.Input next;
          while ((next = io.takeAny()) != null) {
            io.send(0, remap(next.buffer(), mapping[next.input()]));
          }
        },
        true,
        false);
  }

  private static Buffer remap(Buffer buffer, int[] mapping) {
    Object[][] in = buffer.columns();
    Object[][] out = new Object[mapping.length][];
    Object[] nulls = null;
    for (int c = 0; c < mapping.length; c++) {
      if (mapping[c] >= 0) {
        out[c] = in[mapping[c]];
      } else {
        if (nulls == null) {
          nulls = new Object[buffer.rowCount()];
        }
        out[c] = nulls;
      }
    }
    return buffer.withColumns(out);
  }
}
