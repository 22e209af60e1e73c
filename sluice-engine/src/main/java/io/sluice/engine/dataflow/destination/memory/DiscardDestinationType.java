package io.sluice.engine.dataflow.destination.memory;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.List;

/** {@code DiscardDestination}: reads and drops every row (benchmarks, unwanted outputs). */
public final class DiscardDestinationType extends SimpleComponentType {

  public DiscardDestinationType() {
    super("DiscardDestination", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of();
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    return PlannedComponent.of(
        List.of(),
        io -> {
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            // dropped; the path's statistics count the rows
          }
        });
  }
}
