package io.sluice.engine.project;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a {@link Project} back into the project format ({@code project.yaml} and one {@code
 * packages/NAME.yaml} per package), as a person would write it by hand following
 * docs/package-format.md: keys in the documented order, defaults left out, block style, text quoted
 * only where YAML needs it, multi-line text (SQL, descriptions) as {@code |} blocks. What it
 * writes, {@link ProjectParser} reads back into the same model (apart from source locations); the
 * SSIS importer and anything else that builds a project in memory write it through here, so there
 * is one way the format is written.
 *
 * <p><b>Why SnakeYAML's node API.</b> The writer builds the YAML node tree itself (one node per
 * value, each with the tag and style chosen here) and lets SnakeYAML's serializer and emitter turn
 * it into text. Building nodes, not Java objects for {@code Yaml.dump}, is what lets the writer
 * decide the order of keys, which collections are written in flow style, and that text which YAML
 * would read as something else ({@code 007}, {@code yes}, {@code ~}, {@code 1e3}) is quoted, while
 * the emitter keeps what it knows best: whether a value can be written plain, and escaping in
 * quotes. The parser reads with the same SnakeYAML resolver, so "would YAML read this as text" is
 * answered by the code that will read it. String concatenation would have to redo the emitter's
 * escaping rules, which is where hand-written YAML writers go wrong.
 *
 * <p>Two things are done after the emitter, on the text: blank lines between the top-level sections
 * and between the tasks and connections of a package (as the examples are written, for the eye
 * only), and tabs and trailing blanks inside multi-line text. SnakeYAML's emitter refuses the
 * {@code |} style for text holding a tab or a blank before a line break, and would write such SQL
 * (common in SSIS packages) as one double-quoted line full of {@code \t} and {@code \n}. YAML
 * allows both inside a {@code |} block, so the writer hands the emitter the text with them replaced
 * by private-use characters the document does not otherwise hold, and puts them back after.
 *
 * <p>Values the model holds as {@code null} (descriptions, expressions, source locations) are
 * simply not written; an object without a name or a type cannot be written and is refused with
 * {@link IllegalArgumentException}. The writer does not validate: run {@link ProjectParser#parse}
 * on what it returns to check the project.
 */
public final class ProjectWriter {

  /** The file extension of the package files written. */
  public static final String PACKAGE_EXTENSION = ".yaml";

  /** Lines are folded at about this width, the width of the repository's own files. */
  private static final int WIDTH = 100;

  /** A collection of scalars up to this long on one line is written in flow style. */
  private static final int FLOW_WIDTH = 72;

  /** A mapping of more entries than this is written one entry per line, whatever its width. */
  private static final int FLOW_MAX_ENTRIES = 4;

  private static final Resolver RESOLVER = new Resolver();

  private static final Set<String> TASK_FIELDS =
      Set.of(
          "name",
          "type",
          "description",
          "disabled",
          "after",
          "afterMode",
          "expressions",
          "tasks",
          "eventHandlers");
  private static final Set<String> CONNECTION_FIELDS =
      Set.of("name", "type", "description", "expressions");
  private static final Set<String> PACKAGE_FIELDS =
      Set.of(
          "name",
          "description",
          "entryPoint",
          "parameters",
          "variables",
          "connections",
          "tasks",
          "eventHandlers");

  /** Package settings in the order docs/package-format.md lists them; others follow as given. */
  private static final List<String> PACKAGE_SETTINGS =
      List.of("maxConcurrentExecutables", "maximumErrorCount", "forceExecutionResult");

  /** Top-level lists whose items are separated by a blank line. */
  private static final Set<String> SPACED_LISTS = Set.of("tasks", "connections");

  /** Parameter and variable types whose values are text, so a value like 007 stays quoted. */
  private static final Set<String> TEXT_TYPES = Set.of("string", "char");

  private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[^\\s#-].*");

  /** The header of a block scalar that keeps its final line breaks ({@code |+}, {@code |2+}). */
  private static final Pattern KEEP_HEADER = Pattern.compile(".*[|>][1-9]?\\+$");

  private ProjectWriter() {}

  /**
   * The project's files: {@code project.yaml} and {@code packages/NAME.yaml} for each package.
   * Other files a project may hold (SQL files, {@code lib/} jars) are not in the model; add them to
   * the map of {@link ProjectFiles#all()} and make a new {@link ProjectFiles#of}.
   *
   * @throws IllegalArgumentException when something cannot be written: a missing name or type, a
   *     package name that cannot be a file name, two packages with the same file, a setting named
   *     like a key the format gives the object itself
   */
  public static ProjectFiles write(Project project) {
    Map<String, byte[]> files = new TreeMap<>();
    files.put(ProjectParser.PROJECT_FILE, utf8(projectYaml(project)));
    for (PackageDefinition pkg : list(project.packages())) {
      String path = packagePath(pkg.name());
      for (String written : files.keySet()) {
        if (written.equalsIgnoreCase(path)) {
          throw new IllegalArgumentException(
              "package '" + pkg.name() + "' is in the project twice (names ignore case)");
        }
      }
      files.put(path, utf8(packageYaml(pkg)));
    }
    return ProjectFiles.of(files);
  }

  /** The text of {@code project.yaml}: the project's name, description, parameters, connections. */
  public static String projectYaml(Project project) {
    Document doc = new Document();
    MappingNode root = doc.mapping();
    doc.put(root, "name", doc.text(required(project.name(), "the project has no name")));
    doc.putText(root, "description", project.description());
    doc.putList(root, "parameters", parameters(doc, project.parameters()));
    doc.putList(root, "connections", connections(doc, project.connections()));
    return doc.render(root);
  }

  /**
   * The text of a package file. The name is not written: the file name is the package name (see
   * {@link #packagePath}).
   */
  public static String packageYaml(PackageDefinition pkg) {
    String name = required(pkg.name(), "a package has no name");
    Document doc = new Document();
    MappingNode root = doc.mapping();
    doc.putText(root, "description", pkg.description());
    if (!pkg.entryPoint()) {
      doc.put(root, "entryPoint", doc.bool(false));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    Map<String, Object> properties = map(pkg.properties());
    for (String key : PACKAGE_SETTINGS) {
      if (properties.containsKey(key)) {
        settings.put(key, properties.get(key));
      }
    }
    settings.putAll(properties);
    doc.putSettings(root, settings, PACKAGE_FIELDS, "package '" + name + "'");
    doc.putList(root, "parameters", parameters(doc, pkg.parameters()));
    doc.putList(root, "variables", variables(doc, pkg.variables()));
    doc.putList(root, "connections", connections(doc, pkg.connections()));
    doc.putList(root, "tasks", tasks(doc, pkg.tasks()));
    doc.putMap(root, "eventHandlers", eventHandlers(doc, pkg.eventHandlers()));
    return doc.render(root);
  }

  /**
   * Where a package's file goes in the project: {@code packages/NAME.yaml}.
   *
   * @throws IllegalArgumentException when the name cannot be a file name ({@code /}, {@code \}, a
   *     control character, a leading {@code .}, which would hide the file)
   */
  public static String packagePath(String packageName) {
    String name = required(packageName, "a package has no name");
    boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    if (name.isBlank()
        || name.contains("/")
        || name.contains("\\")
        || name.startsWith(".")
        || control) {
      throw new IllegalArgumentException(
          "package name '"
              + name
              + "' cannot be a file name (packages/NAME.yaml): it is blank, starts with '.', or"
              + " holds '/', '\\' or a control character; rename the package");
    }
    return ProjectParser.PACKAGES_FOLDER + name + PACKAGE_EXTENSION;
  }

  private static List<Node> parameters(Document doc, List<ParameterDefinition> parameters) {
    List<Node> items = new ArrayList<>();
    for (ParameterDefinition p : list(parameters)) {
      String name = required(p.name(), "a parameter has no name");
      if (p.type() == null) {
        throw new IllegalArgumentException("parameter '" + name + "' has no type");
      }
      MappingNode m = doc.mapping();
      doc.put(m, "name", doc.text(name));
      doc.put(m, "type", doc.text(p.type().ssisName()));
      if (p.required()) {
        doc.put(m, "required", doc.bool(true));
      }
      if (p.sensitive()) {
        doc.put(m, "sensitive", doc.bool(true));
      }
      if (p.defaultValue() != null) {
        doc.put(m, "default", doc.valueText(p.defaultValue(), p.type().ssisName()));
      }
      doc.putText(m, "description", p.description());
      items.add(m);
    }
    return items;
  }

  private static List<Node> variables(Document doc, List<VariableDefinition> variables) {
    List<Node> items = new ArrayList<>();
    for (VariableDefinition v : list(variables)) {
      String name = required(v.name(), "a variable has no name");
      String type = required(v.type(), "variable '" + name + "' has no type");
      String namespace = v.namespace() == null ? "User" : v.namespace();
      MappingNode m = doc.mapping();
      doc.put(m, "name", doc.text(namespace.equals("User") ? name : namespace + "::" + name));
      doc.put(m, "type", doc.text(type));
      if (v.value() != null) {
        doc.put(m, "value", doc.valueText(v.value(), type));
      }
      if (v.expression() != null) {
        doc.put(m, "expression", doc.text(v.expression()));
      }
      if (v.readOnly()) {
        doc.put(m, "readOnly", doc.bool(true));
      }
      if (v.raiseChangedEvent()) {
        doc.put(m, "raiseChangedEvent", doc.bool(true));
      }
      doc.putText(m, "description", v.description());
      items.add(m);
    }
    return items;
  }

  private static List<Node> connections(Document doc, List<ConnectionDefinition> connections) {
    List<Node> items = new ArrayList<>();
    for (ConnectionDefinition c : list(connections)) {
      String name = required(c.name(), "a connection has no name");
      MappingNode m = doc.mapping();
      doc.put(m, "name", doc.text(name));
      doc.put(m, "type", doc.text(required(c.type(), "connection '" + name + "' has no type")));
      doc.putText(m, "description", c.description());
      doc.putSettings(m, map(c.properties()), CONNECTION_FIELDS, "connection '" + name + "'");
      doc.putMap(m, "expressions", doc.expressions(c.expressions()));
      items.add(m);
    }
    return items;
  }

  private static List<Node> tasks(Document doc, List<TaskDefinition> tasks) {
    List<Node> items = new ArrayList<>();
    for (TaskDefinition t : list(tasks)) {
      items.add(task(doc, t));
    }
    return items;
  }

  private static MappingNode task(Document doc, TaskDefinition t) {
    String name = required(t.name(), "a task has no name");
    MappingNode m = doc.mapping();
    doc.put(m, "name", doc.text(name));
    doc.put(m, "type", doc.text(required(t.type(), "task '" + name + "' has no type")));
    doc.putText(m, "description", t.description());
    if (t.disabled()) {
      doc.put(m, "disabled", doc.bool(true));
    }
    Node after = after(doc, list(t.after()), name);
    if (after != null) {
      doc.put(m, "after", after);
    }
    if (t.afterMode() == TaskDefinition.ConstraintMode.ANY) {
      doc.put(m, "afterMode", doc.text("any"));
    }
    doc.putSettings(m, map(t.properties()), TASK_FIELDS, "task '" + name + "'");
    doc.putMap(m, "expressions", doc.expressions(t.expressions()));
    doc.putList(m, "tasks", tasks(doc, t.tasks()));
    doc.putMap(m, "eventHandlers", eventHandlers(doc, t.eventHandlers()));
    return m;
  }

  /**
   * {@code after: Name} for one constraint on success, a list of names for several, and a mapping
   * ({@code task}, {@code on} unless success, {@code expression}) for each that needs one.
   */
  private static Node after(Document doc, List<TaskDefinition.Constraint> constraints, String of) {
    if (constraints.isEmpty()) {
      return null;
    }
    List<Node> items = new ArrayList<>();
    boolean simple = true;
    for (TaskDefinition.Constraint c : constraints) {
      String task = required(c.task(), "a constraint of task '" + of + "' names no task");
      TaskDefinition.Outcome on = c.on() == null ? TaskDefinition.Outcome.SUCCESS : c.on();
      if (on == TaskDefinition.Outcome.SUCCESS && c.expression() == null) {
        items.add(doc.text(task));
        continue;
      }
      simple = false;
      MappingNode m = doc.mapping();
      doc.put(m, "task", doc.text(task));
      if (on != TaskDefinition.Outcome.SUCCESS) {
        doc.put(m, "on", doc.text(on.name().toLowerCase(Locale.ROOT)));
      }
      if (c.expression() != null) {
        doc.put(m, "expression", doc.text(c.expression()));
      }
      items.add(m);
    }
    if (simple && items.size() == 1) {
      return items.get(0);
    }
    return doc.sequence(items, simple && Document.fitsOnOneLine(items));
  }

  private static Map<String, Node> eventHandlers(
      Document doc, Map<String, List<TaskDefinition>> handlers) {
    Map<String, Node> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<TaskDefinition>> e : map(handlers).entrySet()) {
      result.put(e.getKey(), doc.sequence(tasks(doc, e.getValue()), false));
    }
    return result;
  }

  private static String required(String value, String problem) {
    if (value == null) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** One file being written: builds its nodes, then renders them. */
  private static final class Document {

    /**
     * Multi-line text holding tabs or blanks before line breaks, to be marked before emitting (see
     * the class comment). The node's value is the original text until then.
     */
    private final List<ScalarNode> blocks = new ArrayList<>();

    MappingNode mapping() {
      return new MappingNode(Tag.MAP, true, new ArrayList<>(), null, null, FlowStyle.BLOCK);
    }

    SequenceNode sequence(List<Node> items, boolean flow) {
      return new SequenceNode(
          Tag.SEQ,
          true,
          new ArrayList<>(items),
          null,
          null,
          flow ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    void put(MappingNode map, String key, Node value) {
      map.getValue().add(new NodeTuple(key(key), value));
    }

    /**
     * A key as {@link #text}, except yes, no, on and off: Sluice reads them as text anyway (docs:
     * "YAML as Sluice reads it"), and {@code "on": failure} in every precedence constraint would
     * look like a mistake.
     */
    ScalarNode key(String key) {
      boolean yesNoOnOff =
          RESOLVER.resolve(NodeId.scalar, key, true).equals(Tag.BOOL)
              && !key.equalsIgnoreCase("true")
              && !key.equalsIgnoreCase("false");
      return yesNoOnOff ? new ScalarNode(Tag.BOOL, key, null, null, ScalarStyle.PLAIN) : text(key);
    }

    /** {@code key: text} unless the text is null or empty (the format's default). */
    void putText(MappingNode map, String key, String text) {
      if (text != null && !text.isEmpty()) {
        put(map, key, text(text));
      }
    }

    void putList(MappingNode map, String key, List<Node> items) {
      if (!items.isEmpty()) {
        put(map, key, sequence(items, false));
      }
    }

    void putMap(MappingNode map, String key, Map<String, Node> entries) {
      if (entries.isEmpty()) {
        return;
      }
      MappingNode m = mapping();
      entries.forEach((k, v) -> put(m, k, v));
      put(map, key, m);
    }

    /**
     * A type's own settings, in the model's order. A setting named like a key the writer writes
     * from the model's fields would be written twice, so it is refused.
     */
    void putSettings(MappingNode map, Map<String, Object> settings, Set<String> fields, String of) {
      for (Map.Entry<String, Object> e : settings.entrySet()) {
        String key = e.getKey();
        if (key == null || fields.contains(key)) {
          throw new IllegalArgumentException(
              of
                  + " has a setting named '"
                  + key
                  + "', which the format keeps as a field of its own; set the field instead");
        }
        if (e.getValue() == null) {
          continue; // an absent setting: the parser reads 'key: null' as absent too
        }
        put(map, key, value(e.getValue()));
      }
    }

    Map<String, Node> expressions(Map<String, String> expressions) {
      Map<String, Node> result = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : map(expressions).entrySet()) {
        if (e.getValue() != null) {
          result.put(e.getKey(), text(e.getValue()));
        }
      }
      return result;
    }

    ScalarNode bool(boolean value) {
      return new ScalarNode(Tag.BOOL, String.valueOf(value), null, null, ScalarStyle.PLAIN);
    }

    /**
     * Text read back as the same text: quoted when YAML would read it as something else (a number,
     * true/false, null, a date) or when its characters need it, as a {@code |} block when it has
     * several lines.
     */
    ScalarNode text(String text) {
      ScalarStyle style = style(text);
      ScalarNode node = new ScalarNode(Tag.STR, text, null, null, style);
      if (style == ScalarStyle.LITERAL && Marks.needed(text)) {
        blocks.add(node);
      }
      return node;
    }

    /**
     * A parameter default or a variable value: the parser keeps these as the text written, so a
     * number, a boolean or a date of a numeric, Boolean or DateTime item is written plain ({@code
     * default: 1000}); a String's is quoted when it looks like one ({@code default: "007"}).
     */
    ScalarNode valueText(String text, String type) {
      if (TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        return text(text);
      }
      Tag tag = RESOLVER.resolve(NodeId.scalar, text, true);
      boolean plainNonText =
          tag.equals(Tag.INT)
              || tag.equals(Tag.FLOAT)
              || tag.equals(Tag.BOOL)
              || tag.equals(Tag.TIMESTAMP);
      if (!plainNonText) {
        return text(text);
      }
      return new ScalarNode(tag, text, null, null, ScalarStyle.PLAIN);
    }

    /**
     * A setting's value as the parser hands it over (String, Long, BigInteger, Double, Boolean,
     * List, Map, null), or as an importer builds it (other numbers, collections).
     */
    Node value(Object value) {
      if (value == null) {
        return new ScalarNode(Tag.NULL, "null", null, null, ScalarStyle.PLAIN);
      }
      if (value instanceof String s) {
        return text(s);
      }
      if (value instanceof Boolean b) {
        return bool(b);
      }
      if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte
          || value instanceof BigInteger) {
        return new ScalarNode(Tag.INT, value.toString(), null, null, ScalarStyle.PLAIN);
      }
      if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
        return number(value);
      }
      if (value instanceof Map<?, ?> map) {
        List<NodeTuple> tuples = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          tuples.add(new NodeTuple(key(String.valueOf(e.getKey())), value(e.getValue())));
        }
        boolean flow = tuples.size() <= FLOW_MAX_ENTRIES && fitsOnOneLine(tuples);
        return new MappingNode(
            Tag.MAP, true, tuples, null, null, flow ? FlowStyle.FLOW : FlowStyle.BLOCK);
      }
      if (value instanceof Collection<?> collection) {
        List<Node> items = new ArrayList<>();
        for (Object item : collection) {
          items.add(value(item));
        }
        // One look per list: small mappings on one line only when every item is one.
        boolean allFlow =
            items.stream()
                .allMatch(
                    i -> i instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW);
        if (!allFlow) {
          for (Node item : items) {
            if (item instanceof MappingNode m) {
              m.setFlowStyle(FlowStyle.BLOCK);
            }
          }
        }
        return sequence(items, fitsOnOneLine(items));
      }
      return text(value.toString());
    }

    /**
     * A decimal number the way the parser reads one back ({@code 1.5}, {@code 1.0E-5}); a value
     * that is not finite has no such form and is written as text.
     */
    private ScalarNode number(Object value) {
      String text =
          value instanceof BigDecimal d
              ? d.toString()
              : Double.toString(((Number) value).doubleValue());
      if (RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.FLOAT)) {
        return new ScalarNode(Tag.FLOAT, text, null, null, ScalarStyle.PLAIN);
      }
      return text(text);
    }

    /**
     * Whether items (sequence items or mapping tuples) are short scalars fit for one line. Text
     * holding ':' (variable references such as User::Rows) is left to block style, where it needs
     * no quotes.
     */
    static boolean fitsOnOneLine(List<?> items) {
      int width = 2;
      for (Object item : items) {
        List<Node> nodes =
            item instanceof NodeTuple t
                ? List.of(t.getKeyNode(), t.getValueNode())
                : List.of((Node) item);
        for (Node n : nodes) {
          if (!(n instanceof ScalarNode s)
              || s.getScalarStyle() == ScalarStyle.LITERAL
              || s.getValue().indexOf(':') >= 0) {
            return false;
          }
          width += s.getValue().length() + (s.getScalarStyle() == ScalarStyle.PLAIN ? 2 : 4);
        }
      }
      return width <= FLOW_WIDTH;
    }

    /** The root mapping as text, with marked blocks restored and sections spaced. */
    String render(MappingNode root) {
      Marks marks = Marks.choose(root);
      if (marks != null) {
        for (ScalarNode block : blocks) {
          replace(root, block, marks.mark(block.getValue()));
        }
      }
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(FlowStyle.BLOCK);
      options.setIndent(2);
      options.setIndicatorIndent(2);
      options.setIndentWithIndicator(true);
      options.setWidth(WIDTH);
      options.setSplitLines(true);
      options.setAllowUnicode(true);
      options.setLineBreak(DumperOptions.LineBreak.UNIX);
      options.setMaxSimpleKeyLength(1024);
      if (root.getValue().isEmpty()) {
        // an empty file is a problem to the parser; an empty package is a package with no tasks
        put(root, "tasks", sequence(List.of(), true));
      }
      StringWriter out = new StringWriter();
      new Yaml(options).serialize(root, out);
      String text = out.toString();
      if (marks != null) {
        text = marks.restore(text);
      }
      return spaced(text);
    }

    /** Replaces {@code old} by a node of the same style holding {@code value}, wherever it is. */
    private static void replace(Node in, ScalarNode old, String value) {
      ScalarNode marked = new ScalarNode(Tag.STR, value, null, null, old.getScalarStyle());
      if (in instanceof MappingNode m) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
          NodeTuple t = tuples.get(i);
          if (t.getValueNode() == old) {
            tuples.set(i, new NodeTuple(t.getKeyNode(), marked));
            return;
          }
          replace(t.getValueNode(), old, value);
        }
      } else if (in instanceof SequenceNode s) {
        List<Node> items = s.getValue();
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) == old) {
            items.set(i, marked);
            return;
          }
          replace(items.get(i), old, value);
        }
      }
    }

    /**
     * A blank line before each top-level key that opens a list or mapping (but the first line), and
     * between the items of the top-level {@code tasks} and {@code connections}. Lines at column 0
     * are keys: the emitter indents every continuation and block line of a value.
     */
    private static String spaced(String text) {
      StringBuilder out = new StringBuilder(text.length() + 256);
      String section = null;
      boolean itemSeen = false;
      boolean first = true;
      // After a block that keeps its final line breaks (|+), a blank line would be part of it.
      boolean keeping = false;
      for (String line : text.split("\n", -1)) {
        if (TOP_LEVEL_KEY.matcher(line).matches()) {
          if (!first && line.endsWith(":") && !keeping) {
            out.append('\n');
          }
          section = line.endsWith(":") ? line.substring(0, line.length() - 1) : null;
          itemSeen = false;
          keeping = false;
        } else if (section != null && SPACED_LISTS.contains(section) && line.startsWith("  - ")) {
          if (itemSeen && !keeping) {
            out.append('\n');
          }
          itemSeen = true;
          keeping = false;
        }
        if (KEEP_HEADER.matcher(line).matches()) {
          keeping = true;
        }
        first = false;
        out.append(line).append('\n');
      }
      // split kept the text after the last line break as an empty last line: drop its break
      out.setLength(out.length() - 1);
      return out.toString();
    }

    private static ScalarStyle style(String text) {
      if (text.indexOf('\r') >= 0
          || text.indexOf('\u0085') >= 0
          || text.indexOf('\u2028') >= 0
          || text.indexOf('\u2029') >= 0) {
        // breaks a YAML reader changes (CR LF becomes LF) or folds: only escapes keep them
        return ScalarStyle.DOUBLE_QUOTED;
      }
      if (text.indexOf('\n') >= 0) {
        return ScalarStyle.LITERAL;
      }
      if (needsQuotes(text)) {
        boolean plainCharacters = text.indexOf('"') < 0 && text.indexOf('\\') < 0;
        for (int i = 0; i < text.length() && plainCharacters; i++) {
          plainCharacters = text.charAt(i) >= 0x20 && text.charAt(i) != 0x7f;
        }
        return plainCharacters ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED;
      }
      // A backslash in plain text is literal, but looks like an escape: quote it to say it is not.
      return text.indexOf('\\') >= 0 ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
    }

    /**
     * Whether text cannot be written plain, as far as this can tell without SnakeYAML's own
     * analysis: when unsure it says no, and the emitter then picks single quotes itself. A yes here
     * is never wrong: it only chooses double quotes (the examples' style) over single.
     */
    private static boolean needsQuotes(String text) {
      if (text.isEmpty()
          || !RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR)
          || Character.isWhitespace(text.charAt(0))
          || Character.isWhitespace(text.charAt(text.length() - 1))
          || "#,[]{}&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0
          || text.startsWith("---")
          || text.startsWith("...")
          || text.contains(": ")
          || text.contains(" #")
          || text.endsWith(":")) {
        return true;
      }
      char first = text.charAt(0);
      return "-?:".indexOf(first) >= 0 && (text.length() == 1 || text.charAt(1) == ' ');
    }
  }

  /**
   * The private-use characters that stand for tabs and blanks in {@code |} blocks while the emitter
   * writes them (see the class comment).
   */
  private record Marks(char tab, char blank) {

    private static final char FIRST = '\uE000';
    private static final char LAST = '\uF8FF';

    /** Whether text (multi-line) holds what the emitter would refuse in a block. */
    static boolean needed(String text) {
      return text.indexOf('\t') >= 0 || text.contains(" \n") || text.endsWith(" ");
    }

    /** Two characters no scalar of the document holds, or null when no block needs them. */
    static Marks choose(Node root) {
      boolean[] used = new boolean[LAST - FIRST + 1];
      if (!collect(root, used)) {
        return null;
      }
      char tab = 0;
      for (char c = FIRST; c <= LAST; c++) {
        if (!used[c - FIRST]) {
          if (tab == 0) {
            tab = c;
          } else {
            return new Marks(tab, c);
          }
        }
      }
      return null; // every private-use character is taken: the blocks stay double-quoted
    }

    /** Marks private-use characters used under {@code node}; true if a block there needs marks. */
    private static boolean collect(Node node, boolean[] used) {
      boolean needed = false;
      if (node instanceof ScalarNode s) {
        String v = s.getValue();
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c >= FIRST && c <= LAST) {
            used[c - FIRST] = true;
          }
        }
        needed = s.getScalarStyle() == ScalarStyle.LITERAL && needed(v);
      } else if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          needed |= collect(t.getKeyNode(), used);
          needed |= collect(t.getValueNode(), used);
        }
      } else if (node instanceof SequenceNode q) {
        for (Node item : q.getValue()) {
          needed |= collect(item, used);
        }
      }
      return needed;
    }

    /**
     * Tabs, blanks ending a line that has other characters, and lines of only blanks between two
     * others. Leading blanks of the first line and a first or last line of only blanks stay: the
     * emitter then falls back to quotes, as a block could not say them.
     */
    String mark(String text) {
      String marked = marked(text);
      return blockable(marked) ? marked : text;
    }

    private String marked(String text) {
      String[] lines = text.split("\n", -1);
      StringBuilder out = new StringBuilder(text.length());
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
          end--;
        }
        boolean blankLine = end == 0;
        boolean inner = i > 0 && i < lines.length - 1;
        String head = line.substring(0, end).replace('\t', tab);
        String tail = line.substring(end);
        if (!blankLine || inner) {
          tail = tail.replace(' ', blank).replace('\t', tab);
        }
        if (i > 0) {
          out.append('\n');
        }
        out.append(head).append(tail);
      }
      return out.toString();
    }

    /**
     * Whether SnakeYAML's emitter writes the text as a block: no blank before a line break or at
     * the end, and only characters it prints as they are (it would write a CR, a control character
     * or a byte order mark only escaped, in double quotes, where a restored mark would be wrong).
     */
    private static boolean blockable(String text) {
      if (text.endsWith(" ")) {
        return false;
      }
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        boolean lineBreak = c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (c == ' ' && i < text.length() && "\n\u0085\u2028\u2029".indexOf(text.charAt(i)) >= 0) {
          return false;
        }
        boolean printable =
            lineBreak
                || (c >= 0x20 && c <= 0x7e)
                || (c >= 0xa0 && c <= 0xd7ff)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
                || (c >= 0x10000 && c <= 0x10ffff);
        if (!printable) {
          return false;
        }
      }
      return true;
    }

    String restore(String text) {
      return text.replace(tab, '\t').replace(blank, ' ');
    }
  }
}
