package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/** Orders components so every one comes after the components feeding it; refuses cycles. */
final class TopologicalOrder {

  private TopologicalOrder() {}

  static List<ComponentSpec> of(
      List<ComponentSpec> specs, BiFunction<ComponentSpec, String, DataFlowException> error) {
    List<ComponentSpec> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < specs.size()) {
      boolean progress = false;
      for (ComponentSpec spec : specs) {
        String key = spec.name().toLowerCase(Locale.ROOT);
        if (!placed.contains(key) && ready(spec, placed)) {
          order.add(spec);
          placed.add(key);
          progress = true;
        }
      }
      if (!progress) {
        ComponentSpec stuck =
            specs.stream()
                .filter(s -> !placed.contains(s.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow();
        throw error.apply(
            stuck, "its inputs form a cycle; paths must flow from sources to destinations");
      }
    }
    return order;
  }

  private static boolean ready(ComponentSpec spec, Set<String> placed) {
    for (InputRef ref : spec.inputs()) {
      if (!placed.contains(ref.component().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
