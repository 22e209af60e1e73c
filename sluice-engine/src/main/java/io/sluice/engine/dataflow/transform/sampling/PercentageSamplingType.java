package io.sluice.engine.dataflow.transform.sampling;

import io.sluice.engine.dataflow.pipeline.Buffer;
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
import java.util.Random;

/**
 * {@code PercentageSampling}: each row goes to {@code Selected} with probability {@code percent} /
 * 100, otherwise to {@code Unselected} (SSIS's Percentage Sampling: the sample is about that share
 * of the rows, not exactly). Streams: each buffer is split by selection, nothing is copied.
 */
public final class PercentageSamplingType extends SimpleComponentType {

  public PercentageSamplingType() {
    super("PercentageSampling", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("percent", "seed");
  }

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return SettingProblems.of(
        name(),
        settings,
        written,
        s -> {
          percent(s);
          Seeds.written(s);
        });
  }

  private static long percent(Settings settings) {
    if (!settings.has("percent")) {
      throw new PlanningException(
          "a PercentageSampling needs 'percent': the share of rows to select, 0 to 100");
    }
    long percent = settings.number("percent", 0);
    if (percent < 0 || percent > 100) {
      throw new PlanningException("'percent' must be between 0 and 100, not " + percent);
    }
    return percent;
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    long percent = percent(spec.settings());
    Long seed = Seeds.written(spec.settings());
    RowSchema input = context.input(0);
    double share = percent / 100.0;
    return PlannedComponent.of(
        List.of(new OutputPlan("Selected", input), new OutputPlan("Unselected", input)),
        io -> {
          Random random = Seeds.random(seed);
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            int size = buffer.size();
            int[] selected = new int[size];
            int[] unselected = new int[size];
            int s = 0;
            int u = 0;
            for (int i = 0; i < size; i++) {
              if (random.nextDouble() < share) {
                selected[s++] = buffer.row(i);
              } else {
                unselected[u++] = buffer.row(i);
              }
            }
            io.send(0, buffer.select(selected, s));
            io.send(1, buffer.select(unselected, u));
          }
        });
  }
}
