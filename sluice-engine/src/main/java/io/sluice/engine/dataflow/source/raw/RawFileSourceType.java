package io.sluice.engine.dataflow.source.raw;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RawFileSource} (SSIS Raw File Source): reads a file a {@code RawFileDestination} wrote,
 * every column with the type it was written with. The file's header is read when the flow is
 * planned, as SSIS reads the file's metadata at validation. Output {@code Output}; values were
 * typed when written, so nothing can fail to convert and there is no error output.
 */
public final class RawFileSourceType extends SimpleComponentType {

  public RawFileSourceType() {
    super("RawFileSource", 0);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("file", "connection", "columns");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Path file = RawFile.path(spec.settings(), context.environment());
    List<Column> stored = RawFile.columns(file);
    RowSchema all = RowSchema.of(stored);
    List<String> wanted = spec.settings().strings("columns");
    List<Column> columns = new ArrayList<>();
    int[] picks;
    if (wanted.isEmpty()) {
      columns.addAll(stored);
      picks = new int[stored.size()];
      for (int i = 0; i < picks.length; i++) {
        picks[i] = i;
      }
    } else {
      picks = new int[wanted.size()];
      for (int i = 0; i < picks.length; i++) {
        String name = wanted.get(i);
        picks[i] =
            all.find(name)
                .orElseThrow(
                    () ->
                        new PlanningException(
                            "raw file '"
                                + file
                                + "' has no column '"
                                + name
                                + "'; it has "
                                + all.names()));
        columns.add(stored.get(picks[i]));
      }
    }
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", RowSchema.of(columns))),
        new RawFileSource(file, stored.size(), picks));
  }
}
