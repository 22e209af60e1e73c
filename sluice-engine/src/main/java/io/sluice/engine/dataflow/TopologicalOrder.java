package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Orders components so every one comes after the components feeding it; finds cycles. */
final class TopologicalOrder {

  private TopologicalOrder() {}

  /**
   * The components in an order where each follows its inputs; {@link DataFlowStructure} has made
   * sure they form no cycle.
   */
  static List<ComponentSpec> of(List<ComponentSpec> specs) {
    List<ComponentSpec> order = new ArrayList<>();
    if (!place(specs, order)) {
      throw new IllegalStateException("data-flow paths form a cycle; check the structure first");
    }
    return order;
  }

  /** The first component (in written order) that is part of or behind a cycle, if any. */
  static Optional<ComponentSpec> firstInCycle(List<ComponentSpec> specs) {
    List<ComponentSpec> order = new ArrayList<>();
    if (place(specs, order)) {
      return Optional.empty();
    }
    return specs.stream().filter(s -> !order.contains(s)).findFirst();
  }

  private static boolean place(List<ComponentSpec> specs, List<ComponentSpec> order) {
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
        return false;
      }
    }
    return true;
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
