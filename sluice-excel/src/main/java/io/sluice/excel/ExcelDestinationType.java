package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ExcelDestination} (SSIS Excel Destination, access mode "Table or view"): writes rows to a
 * sheet of an .xlsx with POI's streaming SXSSF writer. Creates the file and the sheet when they are
 * not there (SSIS needs them made first, by an Execute SQL CREATE TABLE or at design time); appends
 * below the rows of a sheet that is. No output.
 */
public final class ExcelDestinationType extends SimpleComponentType {

  public ExcelDestinationType() {
    super("ExcelDestination", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("file", "connection", "sheet", "firstRowHasColumnNames", "columns");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    ExcelFile file = ExcelFile.of(s, context.environment());
    RowSchema input = context.input(0);
    List<String> wanted = s.strings("columns");
    List<Column> columns = new ArrayList<>();
    if (wanted.isEmpty()) {
      columns.addAll(input.columns());
    } else {
      for (String name : wanted) {
        columns.add(input.column(input.indexOf(name)));
      }
    }
    int[] sources = columns.stream().mapToInt(c -> input.indexOf(c.name())).toArray();
    return PlannedComponent.of(
        List.of(),
        new ExcelDestination(file, columns, sources, s.bool("firstRowHasColumnNames", true)));
  }
}
