package io.sluice.engine.dataflow.transform.split;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Multicast}: every row to every output. Its outputs are the names downstream inputs ask for
 * ({@code from: Copy, output: ToArchive}); buffers are immutable, so all outputs get the same
 * buffer and nothing is copied.
 */
public final class MulticastType extends SimpleComponentType {

  public MulticastType() {
    super("Multicast", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of();
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Set<String> names = new LinkedHashSet<>();
    for (String requested : context.requestedOutputs()) {
      names.add(requested == null ? "Output" : requested);
    }
    if (names.isEmpty()) {
      names.add("Output");
    }
    List<OutputPlan> outputs = new ArrayList<>();
    names.forEach(n -> outputs.add(new OutputPlan(n, context.input(0))));
    int count = outputs.size();
    return PlannedComponent.of(
        outputs,
        io -> {
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            for (int o = 0; o < count; o++) {
              io.send(o, buffer);
            }
          }
        });
  }
}
