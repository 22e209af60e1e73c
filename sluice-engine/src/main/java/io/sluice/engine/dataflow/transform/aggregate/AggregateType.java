package io.sluice.engine.dataflow.transform.aggregate;

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
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Aggregate}: one row per distinct {@code groupBy} values (or one row in all) with sums,
 * averages, counts, distinct counts, minimums and maximums. Hash-based; past its memory budget it
 * spills the rows of new groups to disk (see {@link Aggregate}).
 */
public final class AggregateType extends SimpleComponentType {

  public AggregateType() {
    super("Aggregate", 1);
  }

  @Override
  public boolean blocking() {
    return true;
  }

  /** One aggregate: operation, input column (-1 for count of rows) and types. */
  record Spec(Operation operation, int input, DataType inputType, DataType outputType) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("groupBy", "memoryLimitMb")
        .withItems("aggregates", "operation", "input", "output");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<Column> columns = new ArrayList<>();
    List<Integer> groupBy = new ArrayList<>();
    for (String name : spec.settings().strings("groupBy")) {
      int index = input.indexOf(name);
      groupBy.add(index);
      columns.add(input.column(index));
    }
    List<Spec> aggregates = new ArrayList<>();
    for (Settings a : spec.settings().list("aggregates")) {
      Operation op = Operation.parse(a.string("operation"));
      int column = -1;
      DataType inputType = DataType.I8;
      if (a.has("input")) {
        column = input.indexOf(a.string("input"));
        inputType = input.column(column).type();
      } else if (op != Operation.COUNT) {
        throw new PlanningException(
            "aggregate '" + a.string("output", op.name()) + "' needs an 'input' column");
      }
      String name = a.string("output", a.string("input", "Count"));
      DataType outputType = op.resultType(inputType, name);
      aggregates.add(new Spec(op, column, inputType, outputType));
      columns.add(new Column(name, outputType));
    }
    if (aggregates.isEmpty() && groupBy.isEmpty()) {
      throw new PlanningException("an Aggregate needs 'groupBy' columns or 'aggregates'");
    }
    checkUnique(columns);
    RowSchema output = RowSchema.of(columns);
    long budget =
        spec.settings().has("memoryLimitMb")
            ? spec.settings().number("memoryLimitMb", 0) << 20
            : context.memoryBudget();
    return new PlannedComponent(
        List.of(new OutputPlan("Output", output)),
        new Aggregate(groupBy.stream().mapToInt(Integer::intValue).toArray(), aggregates, budget),
        false,
        true);
  }

  private static void checkUnique(List<Column> columns) {
    for (int i = 0; i < columns.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (columns.get(i).name().equalsIgnoreCase(columns.get(j).name())) {
          throw new PlanningException(
              "two output columns are named '"
                  + columns.get(i).name()
                  + "'; give aggregates an 'output' name");
        }
      }
    }
  }
}
