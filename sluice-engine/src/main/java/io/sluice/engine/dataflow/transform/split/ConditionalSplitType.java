package io.sluice.engine.dataflow.transform.split;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ConditionalSplit}: each row goes to the output of the first condition that is TRUE (a NULL
 * condition counts as not TRUE), else to the default output. Outputs: the conditions' outputs in
 * order, the default output ({@code defaultOutput}, "Default"), then {@code Error}.
 */
public final class ConditionalSplitType implements ComponentType {

  @Override
  public String name() {
    return "ConditionalSplit";
  }

  @Override
  public int minInputs() {
    return 1;
  }

  @Override
  public int maxInputs() {
    return 1;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("defaultOutput", "onError")
        .withItems("conditions", "output", "expression")
        .withExpressions("conditions", "expression");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<OutputPlan> outputs = new ArrayList<>();
    List<Expression> conditions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Settings c : spec.settings().list("conditions")) {
      String output = c.string("output");
      Expression e = context.compile(c.string("expression"), input, "condition '" + output + "'");
      if (!e.resultType().equals(DataType.BOOL)) {
        throw new PlanningException(
            "condition '" + output + "' gives " + e.resultType() + "; a condition must be DT_BOOL");
      }
      if (names.stream().anyMatch(output::equalsIgnoreCase)) {
        throw new PlanningException(
            "two conditions go to output '" + output + "'; name them apart");
      }
      names.add(output);
      conditions.add(e);
      outputs.add(new OutputPlan(output, input));
    }
    if (conditions.isEmpty()) {
      throw new PlanningException("a ConditionalSplit needs 'conditions' (output, expression)");
    }
    outputs.add(new OutputPlan(spec.settings().string("defaultOutput", "Default"), input));
    outputs.add(new OutputPlan("Error", RowErrors.errorSchema(input)));
    ErrorDisposition onError = ErrorDisposition.parse(spec.settings().string("onError", null));
    return PlannedComponent.of(outputs, new ConditionalSplit(conditions, names, onError));
  }
}
