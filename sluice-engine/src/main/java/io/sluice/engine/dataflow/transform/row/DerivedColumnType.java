package io.sluice.engine.dataflow.transform.row;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.DataTypes;
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
import io.sluice.engine.type.ValueConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DerivedColumn}: adds columns computed by expressions, or replaces existing ones. Outputs
 * {@code Output} and {@code Error}.
 */
public final class DerivedColumnType implements ComponentType {

  @Override
  public String name() {
    return "DerivedColumn";
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
    return SettingKeys.of()
        .withItems("columns", "name", "expression", "type", "replace", "onError")
        .withExpressions("columns", "expression");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    RowSchema output = input;
    List<DerivedColumn.Derivation> derivations = new ArrayList<>();
    List<Settings> columns = spec.settings().list("columns");
    if (columns.isEmpty()) {
      throw new PlanningException("a DerivedColumn needs 'columns' (name, expression)");
    }
    for (Settings c : columns) {
      String name = c.string("name");
      Expression expression =
          context.compile(c.string("expression"), input, "expression of column '" + name + "'");
      DataType type = expression.resultType();
      if (c.has("type")) {
        type = DataTypes.parse(c.string("type"), "column '" + name + "'");
        if (!ValueConverter.canConvert(expression.resultType().kind(), type.kind())) {
          throw new PlanningException(
              "column '"
                  + name
                  + "': the expression gives "
                  + expression.resultType()
                  + ", which cannot be converted to "
                  + type);
        }
      }
      boolean replace = c.bool("replace", false);
      int target;
      if (replace) {
        target = input.indexOf(name);
        output = output.withColumn(target, new Column(input.column(target).name(), type));
      } else {
        if (output.find(name).isPresent()) {
          throw new PlanningException(
              "column '" + name + "' already exists; add 'replace: true' to replace it");
        }
        target = output.width();
        output = output.plus(List.of(new Column(name, type)));
      }
      derivations.add(
          new DerivedColumn.Derivation(
              name,
              target,
              expression,
              type.equals(expression.resultType()) ? null : type,
              ErrorDisposition.parse(c.string("onError", null))));
    }
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", output),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new DerivedColumn(derivations, output.width()));
  }
}
