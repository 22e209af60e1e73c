package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code components} list of a Data Flow task's settings. */
final class ComponentSpecs {

  private ComponentSpecs() {}

  static List<ComponentSpec> read(Settings task) {
    Object raw = task.raw("components");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw new PlanningException(
          "a DataFlow task needs a 'components' list (sources, transformations, destinations)");
    }
    List<ComponentSpec> specs = new ArrayList<>();
    int position = 0;
    for (Object item : list) {
      position++;
      if (!(item instanceof Map<?, ?> map)) {
        throw new PlanningException("component #" + position + " must be a map of settings");
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      map.forEach((k, v) -> settings.put(String.valueOf(k), v));
      Object name = settings.remove("name");
      Object type = settings.remove("type");
      if (name == null || type == null) {
        throw new PlanningException("component #" + position + " needs a 'name' and a 'type'");
      }
      List<InputRef> inputs = new ArrayList<>();
      Object input = settings.remove("input");
      Object manyInputs = settings.remove("inputs");
      if (input != null && manyInputs != null) {
        throw new PlanningException(
            "component '" + name + "' has both 'input' and 'inputs'; write one of them");
      }
      if (input != null) {
        inputs.add(inputRef(input, name));
      }
      if (manyInputs instanceof List<?> refs) {
        for (Object ref : refs) {
          inputs.add(inputRef(ref, name));
        }
      } else if (manyInputs != null) {
        throw new PlanningException("'inputs' of component '" + name + "' must be a list");
      }
      specs.add(
          new ComponentSpec(
              name.toString(), type.toString(), new Settings(settings, ""), List.copyOf(inputs)));
    }
    return specs;
  }

  /** {@code Name} (its first output) or {@code {from: Name, output: Output}}. */
  private static InputRef inputRef(Object ref, Object component) {
    if (ref instanceof Map<?, ?> map) {
      Object from = map.get("from");
      if (from == null) {
        throw new PlanningException(
            "an input of component '" + component + "' needs 'from: <component>'");
      }
      Object output = map.get("output");
      return new InputRef(from.toString(), output == null ? null : output.toString());
    }
    return new InputRef(String.valueOf(ref), null);
  }
}
