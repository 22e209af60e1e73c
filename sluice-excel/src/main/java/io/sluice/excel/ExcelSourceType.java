package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ExcelSource} (SSIS Excel Source, access mode "Table or view" on a sheet or a range): reads
 * a sheet of an .xlsx as it streams by. Outputs {@code Output} and {@code Error} (rows with a cell
 * that does not convert to its column's type, when redirected).
 *
 * <p>A component type of the engine's own kind (registered in META-INF/services like
 * sluice-script's Script Component), not an SDK {@code ComponentPlugin}: the plugin route hands
 * values over one row at a time through the SDK's row objects, while this one fills the engine's
 * column buffers directly, which is what a 1M-row sheet needs; the module ships with Sluice, so it
 * may use the engine's internal types.
 */
public final class ExcelSourceType extends SimpleComponentType {

  public ExcelSourceType() {
    super("ExcelSource", 0);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
            "file",
            "connection",
            "sheet",
            "range",
            "firstRowHasColumnNames",
            "typeGuessRows",
            "columns",
            "onError",
            "columnErrors")
        .withItems("columns", "name", "type");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    ExcelFile file = ExcelFile.of(s, context.environment());
    ErrorDisposition onError = ErrorDisposition.parse(s.string("onError", null));
    SheetLayout layout = SheetLayout.plan(file, s);
    List<ErrorDisposition> perColumn = new ArrayList<>();
    Settings overrides = s.map("columnErrors");
    for (Column c : layout.columns()) {
      perColumn.add(
          overrides.has(c.name()) ? ErrorDisposition.parse(overrides.string(c.name())) : onError);
    }
    RowSchema schema = RowSchema.of(layout.columns());
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", schema),
            new OutputPlan("Error", RowErrors.errorSchema(schema))),
        new ExcelSource(file, layout, perColumn));
  }
}
