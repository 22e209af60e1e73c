package io.sluice.engine.dataflow.transform.sampling;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.transform.SettingProblems;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import java.util.List;
import java.util.Map;

/**
 * {@code RowSampling}: exactly {@code rows} rows (all of them when the input has fewer) chosen at
 * random to {@code Selected}, every other row to {@code Unselected} (SSIS's Row Sampling). Holds
 * only the sample, never the whole input: see {@link RowSampling}.
 */
public final class RowSamplingType extends SimpleComponentType {

  /** More than this is refused: the sample is held in memory. */
  static final long MAX_ROWS = 10_000_000;

  public RowSamplingType() {
    super("RowSampling", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("rows", "seed");
  }

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return SettingProblems.of(
        name(),
        settings,
        written,
        s -> {
          rows(s);
          Seeds.written(s);
        });
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    int rows = rows(spec.settings());
    RowSchema input = context.input(0);
    return PlannedComponent.of(
        List.of(new OutputPlan("Selected", input), new OutputPlan("Unselected", input)),
        new RowSampling(rows, Seeds.written(spec.settings()), input.width()));
  }

  private static int rows(Settings settings) {
    if (!settings.has("rows")) {
      throw new PlanningException("a RowSampling needs 'rows': how many rows to select");
    }
    long rows = settings.number("rows", 0);
    if (rows < 0 || rows > MAX_ROWS) {
      throw new PlanningException(
          "'rows' must be between 0 and "
              + MAX_ROWS
              + " (the sample is held in memory), not "
              + rows);
    }
    return (int) rows;
  }
}
