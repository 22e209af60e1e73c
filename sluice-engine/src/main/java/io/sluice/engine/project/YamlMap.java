package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with its line and column marks, so that every problem names where it is.
 * Problems go to a shared list instead of being thrown, which lets one pass report all of them.
 */
final class YamlMap {

  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");

  private final String file;
  private final Node node;
  private final List<Problem> problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  YamlMap(String file, MappingNode node, List<Problem> problems) {
    this.file = file;
    this.node = node;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar)) {
        problem(key, "keys must be plain names");
        continue;
      }
      if (entries.putIfAbsent(scalar.getValue(), tuple) != null) {
        problem(key, "key '" + scalar.getValue() + "' appears twice");
      }
    }
  }

  /** The mapping at the root of a parsed document, or null (with a problem) if it is not one. */
  static YamlMap root(String file, Node document, List<Problem> problems) {
    if (document instanceof MappingNode mapping) {
      return new YamlMap(file, mapping, problems);
    }
    problems.add(
        new Problem(
            file,
            document == null ? 0 : line(document),
            document == null ? 0 : column(document),
            "expected a mapping of keys to values at the top of the file"));
    return null;
  }

  SourceLocation location() {
    return new SourceLocation(file, line(node), column(node));
  }

  String file() {
    return file;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** A text value; with {@code required}, a missing or empty one is a problem. */
  String string(String key, boolean required) {
    Node value = value(key);
    if (value == null || isNull(value)) {
      if (required) {
        problem(node, "'" + key + "' is required");
      }
      return null;
    }
    if (!(value instanceof ScalarNode scalar)) {
      problem(value, "'" + key + "' must be a single value, not a list or mapping");
      return null;
    }
    if (required && scalar.getValue().isBlank()) {
      problem(value, "'" + key + "' must not be empty");
      return null;
    }
    return scalar.getValue();
  }

  /**
   * A true/false value. Only {@code true} and {@code false} count: YAML 1.1 also reads
   * yes/no/on/off as booleans, which turns a country code such as NO into false, so those are
   * refused here.
   */
  /**
   * The optional {@code description} of a {@code kind} such as "task", empty if none; one longer
   * than {@link ObjectNames#MAX_DESCRIPTION} is a problem where it is written.
   */
  String description(String kind) {
    String description = string("description", false);
    ObjectNames.descriptionProblem(kind, description)
        .ifPresent(why -> problem(raw("description"), why + "; " + ObjectNames.DESCRIPTION_HINT));
    return description == null ? "" : description;
  }

  boolean bool(String key, boolean dflt) {
    Node value = value(key);
    if (value == null || isNull(value)) {
      return dflt;
    }
    Boolean b = value instanceof ScalarNode scalar ? trueOrFalse(scalar) : null;
    if (b == null) {
      problem(
          value,
          "'"
              + key
              + "' must be true or false"
              + (value instanceof ScalarNode scalar ? ", not '" + scalar.getValue() + "'" : ""));
      return dflt;
    }
    return b;
  }

  /** A list of mappings (absent means empty). */
  List<YamlMap> maps(String key) {
    Node value = value(key);
    List<YamlMap> result = new ArrayList<>();
    if (value == null || isNull(value)) {
      return result;
    }
    if (!(value instanceof SequenceNode sequence)) {
      problem(value, "'" + key + "' must be a list (items starting with '- ')");
      return result;
    }
    for (Node item : sequence.getValue()) {
      if (item instanceof MappingNode mapping) {
        result.add(new YamlMap(file, mapping, problems));
      } else {
        problem(item, "each item of '" + key + "' must be a mapping of keys to values");
      }
    }
    return result;
  }

  /** A mapping value (absent means null). */
  YamlMap map(String key) {
    Node value = value(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof MappingNode mapping) {
      return new YamlMap(file, mapping, problems);
    }
    problem(value, "'" + key + "' must be a mapping of keys to values");
    return null;
  }

  /** The raw node of a key, marking it used; null if absent. */
  Node raw(String key) {
    return value(key);
  }

  /** The names of keys present. */
  Set<String> keys() {
    return entries.keySet();
  }

  /** Every key not read so far, as plain Java values (String, Long, Double, Boolean, List, Map). */
  Map<String, Object> remaining() {
    Map<String, Object> rest = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!used.contains(e.getKey())) {
        rest.put(e.getKey(), plain(e.getValue().getValueNode()));
      }
    }
    return rest;
  }

  /** Reports every key not read so far as unknown, with the likely intended one and the list. */
  void rejectUnknown(String what, Set<String> known) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!used.contains(e.getKey())) {
        problem(e.getValue().getKeyNode(), Suggestions.unknown("key", e.getKey(), what, known));
      }
    }
  }

  /** Marks a key as read without looking at it (for keys checked elsewhere). */
  void markUsed(String key) {
    if (entries.containsKey(key)) {
      used.add(key);
    }
  }

  /** The node of a key itself (where the user wrote the name), or the mapping if absent. */
  Node keyNode(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? node : tuple.getKeyNode();
  }

  void problem(Node at, String message) {
    problems.add(new Problem(file, line(at), column(at), message));
  }

  void problemHere(String message) {
    problem(node, message);
  }

  /**
   * A YAML value as plain Java, read the YAML 1.2 way: true/false are Booleans, decimal numbers are
   * Long (BigInteger when larger) or Double, everything else stays text as written — so 0x1F, 012,
   * 1:30, .inf, yes and NO are strings, not the surprises YAML 1.1 makes of them.
   */
  static Object plain(Node value) {
    if (value instanceof ScalarNode scalar) {
      Tag tag = scalar.getTag();
      String text = scalar.getValue();
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      Boolean b = trueOrFalse(scalar);
      if (b != null) {
        return b;
      }
      if (Tag.INT.equals(tag) && DECIMAL_INTEGER.matcher(text).matches()) {
        String digits = text.replace("_", "");
        try {
          return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
          return new java.math.BigInteger(digits);
        }
      }
      if (Tag.FLOAT.equals(tag) && DECIMAL_FLOAT.matcher(text).matches()) {
        return Double.parseDouble(text.replace("_", ""));
      }
      return text;
    }
    if (value instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(plain(item));
      }
      return list;
    }
    if (value instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Object key = plain(tuple.getKeyNode());
        map.put(String.valueOf(key), plain(tuple.getValueNode()));
      }
      return map;
    }
    return null;
  }

  private Node value(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return null;
    }
    used.add(key);
    return tuple.getValueNode();
  }

  /** TRUE or FALSE for a plain true/false scalar, else null. */
  private static Boolean trueOrFalse(ScalarNode scalar) {
    if (!Tag.BOOL.equals(scalar.getTag())) {
      return null;
    }
    String text = scalar.getValue();
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static boolean isNull(Node value) {
    return value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }

  static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  static int column(Node n) {
    return n.getStartMark().getColumn() + 1;
  }
}
