package io.sluice.engine.dataflow.transform.row;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
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
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DataConversion}: adds converted copies of columns (SSIS casts). Outputs {@code Output} and
 * {@code Error}.
 */
public final class DataConversionType extends SimpleComponentType {

  public DataConversionType() {
    super("DataConversion", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of().withItems("conversions", "input", "output", "type", "onError");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<Column> added = new ArrayList<>();
    List<DataConversion.Conversion> conversions = new ArrayList<>();
    for (Settings c : spec.settings().list("conversions")) {
      int source = input.indexOf(c.string("input"));
      DataType from = input.column(source).type();
      String name = c.string("output", input.column(source).name() + "_converted");
      DataType to = DataTypes.parse(c.string("type"), "conversion to '" + name + "'");
      if (!ValueConverter.canConvert(from.kind(), to.kind())) {
        throw new PlanningException(
            "column '"
                + input.column(source).name()
                + "' is "
                + from
                + ", which cannot be converted to "
                + to);
      }
      conversions.add(
          new DataConversion.Conversion(
              name,
              source,
              input.width() + added.size(),
              from,
              to,
              ErrorDisposition.parse(c.string("onError", null))));
      added.add(new Column(name, to));
    }
    if (conversions.isEmpty()) {
      throw new PlanningException("a DataConversion needs 'conversions' (input, output, type)");
    }
    RowSchema output = input.plus(added);
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", output),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new DataConversion(conversions, output.width()));
  }
}
