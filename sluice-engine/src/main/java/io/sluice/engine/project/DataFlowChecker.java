package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks the components of a DataFlow task and the paths between them. A path is written on the
 * receiving component as {@code input: Source} or {@code input: Source.output}; as in SSIS, an
 * output feeds at most one input (a Multicast copies rows to several) and paths form no cycle.
 */
final class DataFlowChecker {

  private final PackageScope scope;
  private final Map<String, Component> byName = new LinkedHashMap<>();

  private record Component(String name, String type, YamlMap map, List<String> outputs) {}

  /** A path into {@code to}, written at {@code at}. */
  private record Path(Component to, String written, Node at) {}

  DataFlowChecker(PackageScope scope) {
    this.scope = scope;
  }

  void check(YamlMap task) {
    List<Component> components = new ArrayList<>();
    for (YamlMap c : task.maps("components")) {
      String name = c.string("name", true);
      if (name != null) {
        ObjectNames.problem("component", name).ifPresent(c::problemHere);
      }
      String type = c.string("type", true);
      KnownTypes.ComponentType componentType =
          type == null ? null : KnownTypes.COMPONENTS.get(type);
      if (type != null && componentType == null) {
        c.problem(
            c.raw("type"),
            Suggestions.unknown("component type", type, null, KnownTypes.COMPONENTS.keySet()));
      }
      if (componentType != null) {
        SettingsChecker.check(
            c, componentType.settings(), Set.of(), Set.of(), Map.of(), null, scope);
      }
      if (name == null || type == null) {
        continue;
      }
      Component component = new Component(name, type, c, outputs(c, type, componentType));
      if (byName.putIfAbsent(name.toLowerCase(Locale.ROOT), component) != null) {
        c.problemHere("component name '" + name + "' is used twice in this data flow");
        continue;
      }
      components.add(component);
      if (type.equals("RowCount")) {
        String variable = c.string("variable", false);
        if (variable != null) {
          scope
              .referenceProblem(variable, true)
              .ifPresent(why -> c.problem(c.raw("variable"), why));
        }
      }
    }
    Map<String, String> usedOutputs = new HashMap<>();
    Map<Component, List<Component>> upstream = new LinkedHashMap<>();
    for (Component component : components) {
      List<Component> from = new ArrayList<>();
      for (Path path : paths(component)) {
        Component source = connect(path, usedOutputs);
        if (source != null) {
          from.add(source);
        }
      }
      upstream.put(component, from);
    }
    Set<Component> done = new HashSet<>();
    for (Component component : components) {
      findCycle(component, upstream, new ArrayList<>(), done);
    }
  }

  /** The outputs rows can leave a component by; null means any name (Multicast). */
  private static List<String> outputs(
      YamlMap c, String type, KnownTypes.ComponentType componentType) {
    if (componentType == null || componentType.anyOutputName()) {
      return null;
    }
    if (!type.equals("ConditionalSplit")) {
      return componentType.outputs();
    }
    List<String> outputs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap condition : c.maps("conditions")) {
      String output = condition.string("output", true);
      condition.string("expression", true);
      condition.rejectUnknown("a ConditionalSplit condition", Set.of("output", "expression"));
      if (output != null && !seen.add(output.toLowerCase(Locale.ROOT))) {
        condition.problemHere("output '" + output + "' is used twice in this ConditionalSplit");
      }
      if (output != null) {
        outputs.add(output);
      }
    }
    String defaultOutput = c.string("defaultOutput", false);
    outputs.add(defaultOutput == null ? "default" : defaultOutput);
    outputs.add("error");
    return outputs;
  }

  /** The paths written on a component, checked against how many inputs its type takes. */
  private List<Path> paths(Component component) {
    YamlMap c = component.map();
    KnownTypes.ComponentType type = KnownTypes.COMPONENTS.get(component.type());
    List<Path> paths = new ArrayList<>();
    Node input = c.raw("input");
    Node inputs = c.raw("inputs");
    KnownTypes.Inputs takes = type == null ? null : type.inputs();
    if (takes == KnownTypes.Inputs.NONE) {
      if (input != null || inputs != null) {
        c.problem(
            input != null ? c.keyNode("input") : c.keyNode("inputs"),
            "a " + component.type() + " is a source: it has no input");
      }
      return paths;
    }
    if (takes == KnownTypes.Inputs.ONE) {
      if (inputs != null) {
        c.problem(
            c.keyNode("inputs"),
            "a "
                + component.type()
                + " takes one input: write 'input: COMPONENT' (use a UnionAll to combine several)");
      } else if (input == null) {
        c.problemHere(
            "'input' is required: name the component whose rows flow into '"
                + component.name()
                + "'");
      } else if (input instanceof ScalarNode scalar) {
        paths.add(new Path(component, scalar.getValue(), input));
      } else {
        c.problem(input, "'input' must be one component name (optionally COMPONENT.OUTPUT)");
      }
      return paths;
    }
    if (input != null) {
      c.problem(
          c.keyNode("input"),
          "a " + component.type() + " takes several inputs: list them under 'inputs'");
    }
    if (!(inputs instanceof SequenceNode list) || list.getValue().size() < 2) {
      c.problemHere("a " + component.type() + " needs at least two components under 'inputs'");
      return paths;
    }
    if (component.type().equals("MergeJoin") && list.getValue().size() != 2) {
      c.problem(inputs, "a MergeJoin joins exactly two inputs: the left one, then the right one");
    }
    for (Node item : list.getValue()) {
      if (item instanceof ScalarNode scalar) {
        paths.add(new Path(component, scalar.getValue(), item));
      } else {
        c.problem(item, "each input is one component name (optionally COMPONENT.OUTPUT)");
      }
    }
    return paths;
  }

  /** Resolves a path to the component it comes from, or null with a problem. */
  private Component connect(Path path, Map<String, String> usedOutputs) {
    YamlMap at = path.to().map();
    String written = path.written();
    Component from = byName.get(written.toLowerCase(Locale.ROOT));
    String output = null;
    int dot = written.lastIndexOf('.');
    if (from == null && dot > 0) {
      from = byName.get(written.substring(0, dot).toLowerCase(Locale.ROOT));
      output = written.substring(dot + 1);
    }
    if (from == null) {
      at.problem(
          path.at(),
          Suggestions.unknown(
              "component",
              written,
              "this data flow",
              byName.values().stream().map(Component::name).toList()));
      return null;
    }
    if (from == path.to()) {
      at.problem(path.at(), "component '" + from.name() + "' cannot take its own rows");
      return null;
    }
    List<String> outputs = from.outputs();
    if (output == null && outputs != null) {
      if (outputs.contains("output")) {
        output = "output";
      } else if (outputs.contains("match")) {
        output = "match";
      } else {
        at.problem(
            path.at(),
            "name which output of '"
                + from.name()
                + "' to take: write '"
                + from.name()
                + ".OUTPUT' with OUTPUT one of "
                + String.join(", ", outputs));
        return from;
      }
    }
    if (outputs != null && outputs.stream().noneMatch(output::equals)) {
      at.problem(
          path.at(),
          "'"
              + from.name()
              + "' has no output '"
              + output
              + "'; its outputs are "
              + String.join(", ", outputs));
      return from;
    }
    if (output != null) {
      checkRedirected(at, path.at(), from, output);
      String key = from.name().toLowerCase(Locale.ROOT) + "." + output;
      String previous = usedOutputs.putIfAbsent(key, path.to().name());
      if (previous != null) {
        at.problem(
            path.at(),
            "output '"
                + from.name()
                + "."
                + output
                + "' already feeds '"
                + previous
                + "'; an output feeds one input: add a Multicast to send the rows to both");
      }
    }
    return from;
  }

  /** Error and no-match outputs carry rows only when the component redirects them there. */
  private static void checkRedirected(YamlMap at, Node where, Component from, String output) {
    YamlMap c = from.map();
    if (output.equals("error")
        && !"redirect".equals(c.string("onError", false))
        && !"redirect".equals(c.string("onTruncation", false))) {
      at.problem(
          where,
          "'"
              + from.name()
              + ".error' receives rows only with onError: redirect (or onTruncation: redirect) on '"
              + from.name()
              + "'");
    }
    if (output.equals("noMatch") && !"redirect".equals(c.string("noMatch", false))) {
      at.problem(
          where,
          "'"
              + from.name()
              + ".noMatch' receives rows only with noMatch: redirect on '"
              + from.name()
              + "'");
    }
  }

  private void findCycle(
      Component component,
      Map<Component, List<Component>> upstream,
      List<Component> path,
      Set<Component> done) {
    if (done.contains(component)) {
      return;
    }
    int at = path.indexOf(component);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>();
      for (Component c : path.subList(at, path.size())) {
        cycle.add(c.name());
      }
      cycle.add(component.name());
      component.map().problemHere("data-flow paths form a cycle: " + String.join(" <- ", cycle));
      return;
    }
    path.add(component);
    for (Component from : upstream.getOrDefault(component, List.of())) {
      findCycle(from, upstream, path, done);
    }
    path.remove(path.size() - 1);
    done.add(component);
  }
}
