package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks the type-specific settings of a task, connection or component against its {@link
 * Settings}, reporting each problem where it was written.
 */
final class SettingsChecker {

  private SettingsChecker() {}

  /**
   * Checks every key of {@code map} not read yet and returns them as plain values.
   *
   * @param commonKeys keys the caller reads itself, listed in messages about unknown keys
   * @param overridable common keys that property expressions may set, such as {@code disabled}
   * @param expressions property expressions given for the owner: they may set required settings
   * @param scope connections to resolve connection names against; null to skip that check
   */
  static Map<String, Object> check(
      YamlMap map,
      Settings spec,
      Set<String> commonKeys,
      Set<String> overridable,
      Map<String, String> expressions,
      YamlMap expressionsMap,
      PackageScope scope) {
    Map<String, Object> settings = map.remaining();
    Set<String> known = new LinkedHashSet<>(commonKeys);
    known.addAll(spec.keys);
    for (String key : List.copyOf(settings.keySet())) {
      if (!spec.keys.contains(key)) {
        map.problem(map.keyNode(key), Suggestions.unknown("key", key, spec.what, known));
        settings.remove(key);
        continue;
      }
      checkValue(map, spec, key, map.raw(key), scope);
    }
    for (String property : expressions.keySet()) {
      int dot = property.indexOf('.');
      if (dot > 0 && spec.mappings.contains(property.substring(0, dot))) {
        continue; // a nested setting such as enumerator.folder: its owner checks the rest
      }
      if (!spec.keys.contains(property) && !overridable.contains(property)) {
        Set<String> properties = new LinkedHashSet<>(overridable);
        properties.addAll(spec.keys);
        expressionsMap.problem(
            expressionsMap.keyNode(property),
            Suggestions.unknown(
                "property", property, "the expressions of " + spec.what, properties));
      }
    }
    for (List<String> group : spec.exactlyOne) {
      List<String> given = new ArrayList<>();
      for (String key : group) {
        if (settings.get(key) != null || expressions.containsKey(key)) {
          given.add(key);
        }
      }
      if (given.isEmpty()) {
        map.problemHere(
            group.size() == 1
                ? "'" + group.get(0) + "' is required in " + spec.what
                : spec.what + " needs one of " + quoted(group));
      } else if (given.size() > 1) {
        map.problem(
            map.keyNode(given.get(1)),
            "give only one of "
                + quoted(group)
                + " in "
                + spec.what
                + "; it has "
                + String.join(" and ", given.stream().map(k -> "'" + k + "'").toList()));
      }
    }
    return new LinkedHashMap<>(settings);
  }

  static void checkValue(YamlMap map, Settings spec, String key, Node value, PackageScope scope) {
    if (YamlMap.isNull(value) || spec.checkedElsewhere.contains(key)) {
      return;
    }
    if (spec.lists.contains(key)) {
      if (!(value instanceof SequenceNode)) {
        map.problem(value, "'" + key + "' must be a list (items starting with '- ')");
      }
      return;
    }
    if (spec.mappings.contains(key)) {
      if (!(value instanceof MappingNode)) {
        map.problem(value, "'" + key + "' must be a mapping of keys to values");
      }
      return;
    }
    if (!(value instanceof ScalarNode scalar)) {
      map.problem(value, "'" + key + "' must be a single value, not a list or mapping");
      return;
    }
    String text = scalar.getValue();
    Object plain = YamlMap.plain(scalar);
    if (spec.choices.containsKey(key) && !spec.choices.get(key).contains(text)) {
      map.problem(
          value,
          "'"
              + key
              + "' must be one of "
              + String.join(", ", spec.choices.get(key))
              + ", not '"
              + text
              + "'");
    } else if (spec.booleans.contains(key) && !(plain instanceof Boolean)) {
      map.problem(value, "'" + key + "' must be true or false");
    } else if (spec.wholeNumbers.containsKey(key)) {
      long min = spec.wholeNumbers.get(key);
      if (!(plain instanceof Long number) || number < min) {
        map.problem(
            value,
            "'"
                + key
                + "' must be a whole number"
                + (min == Long.MIN_VALUE ? "" : " of at least " + min)
                + ", not '"
                + text
                + "'");
      }
    } else if (spec.connections.containsKey(key) && scope != null) {
      String wanted = spec.connections.get(key);
      var connection = scope.connection(text);
      if (connection.isEmpty()) {
        map.problem(
            value,
            Suggestions.unknown(
                "connection",
                text,
                spec.what,
                scope.connections().stream().map(ConnectionDefinition::name).toList()));
      } else if (!List.of(wanted.split("\\|")).contains(connection.get().type())) {
        map.problem(
            value,
            "connection '"
                + text
                + "' is a "
                + connection.get().type()
                + " connection; "
                + spec.what
                + " needs a "
                + wanted.replace("|", " or ")
                + " connection");
      }
    }
  }

  static String quoted(List<String> names) {
    List<String> q = names.stream().map(n -> "'" + n + "'").toList();
    if (q.size() == 1) {
      return q.get(0);
    }
    return String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
  }
}
