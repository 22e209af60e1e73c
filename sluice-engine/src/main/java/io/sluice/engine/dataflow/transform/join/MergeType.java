package io.sluice.engine.dataflow.transform.join;

import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowComparator;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.RowStream;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.pipeline.SortKey;
import io.sluice.engine.dataflow.pipeline.SortedInputs;
import java.util.List;

/**
 * {@code Merge}: interleaves two inputs sorted the same way into one sorted output (SSIS's Merge).
 * The second input's columns are matched to the first's by name.
 */
public final class MergeType extends SimpleComponentType {

  public MergeType() {
    super("Merge", 2);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of();
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema first = context.input(0);
    RowSchema second = context.input(1);
    List<String> keyNames = SortedInputs.names(first);
    if (keyNames.isEmpty()) {
      throw new PlanningException("the first input is not sorted; put a Sort before it");
    }
    List<SortKey> keys = SortedInputs.require(first, keyNames, "the first input");
    SortedInputs.require(second, keyNames, "the second input");
    int[] mapping = new int[first.width()];
    for (int c = 0; c < first.width(); c++) {
      String name = first.column(c).name();
      mapping[c] =
          second
              .find(name)
              .orElseThrow(
                  () -> new PlanningException("the second input has no column '" + name + "'"));
      if (second.column(mapping[c]).type().kind() != first.column(c).type().kind()) {
        throw new PlanningException(
            "column '"
                + name
                + "' is "
                + first.column(c).type()
                + " on the first input but "
                + second.column(mapping[c]).type()
                + " on the second");
      }
    }
    RowComparator order = new RowComparator(keys);
    int width = first.width();
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", first.withSortedBy(keys))),
        io -> {
          RowStream a = new RowStream(io, 0);
          RowStream b = new RowStream(io, 1);
          BufferBuilder out = new BufferBuilder(width, io.bufferRows());
          while (true) {
            Object[] x = a.peek();
            Object[] y = b.peek();
            if (x == null && y == null) {
              break;
            }
            Object[] yy = y == null ? null : remap(y, mapping);
            if (y == null || (x != null && order.compare(x, yy) <= 0)) {
              out.add(a.next());
            } else {
              b.next();
              out.add(yy);
            }
            if (out.isFull()) {
              io.send(0, out.take());
            }
          }
          if (!out.isEmpty()) {
            io.send(0, out.take());
          }
        });
  }

  private static Object[] remap(Object[] row, int[] mapping) {
    Object[] out = new Object[mapping.length];
    for (int c = 0; c < mapping.length; c++) {
      out[c] = row[mapping[c]];
    }
    return out;
  }
}
