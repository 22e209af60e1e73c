package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.DataFlowStructure.Problem;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.project.ObjectNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code components} list of a Data Flow task's settings. A component that cannot be read
 * is left out with a problem, so the others are still checked.
 */
final class ComponentSpecs {

  private ComponentSpecs() {}

  /** A component read from the list, with its 1-based position there. */
  record Read(ComponentSpec spec, int position) {}

  static List<Read> read(Settings task, List<Problem> problems) {
    Object raw = task.raw(DataFlowStructure.COMPONENTS);
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          Problem.ofTask(
              "a DataFlow task needs a 'components' list (sources, transformations,"
                  + " destinations)"));
      return List.of();
    }
    List<Read> specs = new ArrayList<>();
    int position = 0;
    for (Object item : list) {
      position++;
      if (!(item instanceof Map<?, ?> map)) {
        problems.add(
            new Problem(position, null, null, "component #" + position + " must be a map"));
        continue;
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      map.forEach((k, v) -> settings.put(String.valueOf(k), v));
      Object name = settings.remove("name");
      Object type = settings.remove("type");
      if (name == null || type == null) {
        problems.add(
            new Problem(
                position, null, null, "component #" + position + " needs a 'name' and a 'type'"));
        continue;
      }
      var badName = ObjectNames.problem("component", name.toString());
      if (badName.isPresent()) {
        // Said without the name as the component's own: it may not show as what it is.
        problems.add(
            new Problem(position, null, null, "component #" + position + ": " + badName.get()));
        continue;
      }
      int before = problems.size();
      int componentPosition = position;
      Problems at =
          cause ->
              problems.add(new Problem(componentPosition, name.toString(), type.toString(), cause));
      List<InputRef> inputs = new ArrayList<>();
      Object input = settings.remove("input");
      Object manyInputs = settings.remove("inputs");
      if (input != null && manyInputs != null) {
        at.add("it has both 'input' and 'inputs'; write one of them");
      }
      if (input != null) {
        inputRef(input, at).ifPresent(inputs::add);
      }
      if (manyInputs instanceof List<?> refs) {
        for (Object ref : refs) {
          inputRef(ref, at).ifPresent(inputs::add);
        }
      } else if (manyInputs != null) {
        at.add("'inputs' must be a list");
      }
      if (problems.size() == before) {
        specs.add(
            new Read(
                new ComponentSpec(
                    name.toString(),
                    type.toString(),
                    new Settings(settings, ""),
                    List.copyOf(inputs)),
                position));
      }
    }
    return specs;
  }

  private interface Problems {
    void add(String cause);
  }

  /** {@code Name} (its first output) or {@code {from: Name, output: Output}}. */
  private static java.util.Optional<InputRef> inputRef(Object ref, Problems at) {
    if (ref instanceof Map<?, ?> map) {
      Object from = map.get("from");
      if (from == null) {
        at.add("an input needs 'from: <component>' (and optionally 'output: <output>')");
        return java.util.Optional.empty();
      }
      Object output = map.get("output");
      return java.util.Optional.of(
          new InputRef(from.toString(), output == null ? null : output.toString()));
    }
    if (ref == null || ref instanceof List<?>) {
      at.add("an input is a component name or {from: <component>, output: <output>}");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new InputRef(String.valueOf(ref), null));
  }
}
