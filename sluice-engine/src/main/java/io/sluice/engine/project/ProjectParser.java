package io.sluice.engine.project;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a project's files into a {@link Project}. It checks structure only — keys,
 * names, types, references between tasks — and reports every problem it finds, each with file, line
 * and column. The engine validates each task type's own settings when it prepares a run.
 */
public final class ProjectParser {

  public static final String PROJECT_FILE = "project.yaml";
  public static final String PACKAGES_FOLDER = "packages/";

  static final Set<String> TASK_TYPES =
      Set.of(
          "ExecuteSql",
          "DataFlow",
          "ExecuteProcess",
          "FileSystem",
          "ExecutePackage",
          "Expression",
          "Sequence",
          "ForLoop",
          "ForeachLoop");
  static final Set<String> CONTAINER_TYPES = Set.of("Sequence", "ForLoop", "ForeachLoop");
  static final Set<String> CONNECTION_TYPES = Set.of("jdbc", "flatFile", "file");
  static final Set<String> EVENT_HANDLERS =
      Set.of(
          "OnError",
          "OnWarning",
          "OnInformation",
          "OnPreExecute",
          "OnPostExecute",
          "OnTaskFailed",
          "OnPreValidate",
          "OnPostValidate",
          "OnVariableValueChanged",
          "OnProgress");
  static final Set<String> VARIABLE_TYPES =
      Set.of(
          "Boolean",
          "Byte",
          "Char",
          "DateTime",
          "DBNull",
          "Decimal",
          "Double",
          "Int16",
          "Int32",
          "Int64",
          "Object",
          "SByte",
          "Single",
          "String",
          "UInt32",
          "UInt64");

  private static final Set<String> PROJECT_KEYS =
      Set.of("name", "description", "parameters", "connections");
  private static final Set<String> PARAMETER_KEYS =
      Set.of("name", "type", "required", "sensitive", "default", "description");
  private static final Set<String> PACKAGE_KEYS =
      Set.of(
          "name",
          "description",
          "entryPoint",
          "parameters",
          "variables",
          "connections",
          "tasks",
          "eventHandlers",
          "maxConcurrentExecutables",
          "maximumErrorCount",
          "forceExecutionResult");
  private static final Set<String> PACKAGE_PROPERTIES =
      Set.of("maxConcurrentExecutables", "maximumErrorCount", "forceExecutionResult");
  private static final Set<String> VARIABLE_KEYS =
      Set.of("name", "type", "value", "expression", "readOnly", "description");

  private final List<Problem> problems = new ArrayList<>();

  private ProjectParser() {}

  /** Parses and validates; throws {@link ProjectFormatException} listing every problem found. */
  public static Project parse(ProjectFiles files) {
    ProjectParser parser = new ProjectParser();
    Project project = parser.project(files);
    if (!parser.problems.isEmpty()) {
      throw new ProjectFormatException(parser.problems);
    }
    return project;
  }

  private Project project(ProjectFiles files) {
    byte[] projectFile = files.get(PROJECT_FILE);
    if (projectFile == null) {
      problems.add(
          new Problem(
              PROJECT_FILE, 0, 0, "missing: a project folder needs a project.yaml at its top"));
      return null;
    }
    YamlMap root = read(PROJECT_FILE, projectFile);
    String name = null;
    String description = "";
    List<ParameterDefinition> parameters = List.of();
    List<ConnectionDefinition> connections = List.of();
    if (root != null) {
      name = root.string("name", true);
      checkName(root, "project", name);
      description = orEmpty(root.string("description", false));
      parameters = parameters(root, "project");
      connections = connections(root);
      root.rejectUnknown("project.yaml", PROJECT_KEYS);
    }
    List<PackageDefinition> packages = new ArrayList<>();
    Map<String, SourceLocation> packageNames = new HashMap<>();
    for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
      String path = file.getKey();
      if (!path.startsWith(PACKAGES_FOLDER) || path.indexOf('/', PACKAGES_FOLDER.length()) >= 0) {
        continue;
      }
      if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
        continue;
      }
      PackageDefinition pkg = packageDefinition(path, file.getValue(), connections);
      if (pkg == null) {
        continue;
      }
      SourceLocation previous =
          packageNames.putIfAbsent(pkg.name().toLowerCase(Locale.ROOT), pkg.location());
      if (previous != null) {
        problems.add(
            new Problem(
                path,
                pkg.location().line(),
                pkg.location().column(),
                "package name '" + pkg.name() + "' is already used by " + previous.file()));
      }
      packages.add(pkg);
    }
    if (packages.isEmpty() && root != null) {
      problems.add(
          new Problem(
              PROJECT_FILE,
              0,
              0,
              "the project has no packages: add at least one packages/NAME.yaml"));
    }
    return new Project(name, description, parameters, connections, List.copyOf(packages));
  }

  private PackageDefinition packageDefinition(
      String path, byte[] content, List<ConnectionDefinition> projectConnections) {
    YamlMap root = read(path, content);
    if (root == null) {
      return null;
    }
    String fileName = path.substring(PACKAGES_FOLDER.length()).replaceFirst("\\.ya?ml$", "");
    String name = root.has("name") ? root.string("name", true) : fileName;
    checkName(root, "package", name);
    String description = orEmpty(root.string("description", false));
    boolean entryPoint = root.bool("entryPoint", true);
    List<ParameterDefinition> parameters = parameters(root, "package");
    List<VariableDefinition> variables = variables(root);
    List<ConnectionDefinition> connections = connections(root);
    for (ConnectionDefinition c : connections) {
      for (ConnectionDefinition shared : projectConnections) {
        if (shared.name().equalsIgnoreCase(c.name())) {
          problems.add(
              new Problem(
                  path,
                  c.location().line(),
                  c.location().column(),
                  "connection '" + c.name() + "' is already defined in project.yaml; rename one"));
        }
      }
    }
    List<TaskDefinition> tasks = tasks(root, "tasks");
    Map<String, List<TaskDefinition>> handlers = eventHandlers(root);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String key : PACKAGE_PROPERTIES) {
      if (root.has(key)) {
        properties.put(key, YamlMap.plain(root.raw(key)));
      }
    }
    root.rejectUnknown("a package", PACKAGE_KEYS);
    if (name == null) {
      return null;
    }
    return new PackageDefinition(
        name,
        description,
        entryPoint,
        parameters,
        variables,
        connections,
        tasks,
        handlers,
        properties,
        root.location());
  }

  private List<ParameterDefinition> parameters(YamlMap owner, String scope) {
    List<ParameterDefinition> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap p : owner.maps("parameters")) {
      String name = p.string("name", true);
      checkName(p, scope + " parameter", name);
      if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
        p.problemHere(scope + " parameter '" + name + "' is defined twice");
      }
      String typeName = p.string("type", true);
      ParameterType type = null;
      if (typeName != null) {
        type = ParameterType.fromName(typeName).orElse(null);
        if (type == null) {
          p.problem(
              p.raw("type"),
              "unknown parameter type '"
                  + typeName
                  + "'; use one of "
                  + String.join(
                      ", ",
                      java.util.Arrays.stream(ParameterType.values())
                          .map(ParameterType::ssisName)
                          .toList()));
        }
      }
      boolean required = p.bool("required", false);
      boolean sensitive = p.bool("sensitive", false);
      String dflt = p.string("default", false);
      if (type != null && dflt != null) {
        ParameterType t = type;
        t.invalidValue(dflt).ifPresent(why -> p.problem(p.raw("default"), "default: " + why));
      }
      String description = orEmpty(p.string("description", false));
      p.rejectUnknown("a parameter", PARAMETER_KEYS);
      if (name != null && type != null) {
        result.add(new ParameterDefinition(name, type, required, sensitive, dflt, description));
      }
    }
    return List.copyOf(result);
  }

  private List<VariableDefinition> variables(YamlMap owner) {
    List<VariableDefinition> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap v : owner.maps("variables")) {
      String written = v.string("name", true);
      String namespace = "User";
      String name = written;
      if (written != null && written.contains("::")) {
        namespace = written.substring(0, written.indexOf("::"));
        name = written.substring(written.indexOf("::") + 2);
        if (namespace.equalsIgnoreCase("System")) {
          v.problemHere(
              "variable '" + written + "': the System namespace is read-only; use User::");
        }
      }
      checkName(v, "variable", name);
      if (name != null && !seen.add((namespace + "::" + name).toLowerCase(Locale.ROOT))) {
        v.problemHere("variable '" + namespace + "::" + name + "' is defined twice");
      }
      String type = v.string("type", true);
      if (type != null && !VARIABLE_TYPES.contains(type)) {
        v.problem(
            v.raw("type"),
            "unknown variable type '"
                + type
                + "'; use one of "
                + String.join(", ", new java.util.TreeSet<>(VARIABLE_TYPES)));
      }
      Node valueNode = v.raw("value");
      String value = valueNode == null ? null : scalarText(v, valueNode, "value");
      String expression = v.string("expression", false);
      boolean readOnly = v.bool("readOnly", false);
      String description = orEmpty(v.string("description", false));
      v.rejectUnknown("a variable", VARIABLE_KEYS);
      if (name != null && type != null) {
        result.add(
            new VariableDefinition(
                namespace, name, type, value, expression, readOnly, description, v.location()));
      }
    }
    return List.copyOf(result);
  }

  private List<ConnectionDefinition> connections(YamlMap owner) {
    List<ConnectionDefinition> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap c : owner.maps("connections")) {
      String name = c.string("name", true);
      checkName(c, "connection", name);
      if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
        c.problemHere("connection '" + name + "' is defined twice");
      }
      String type = c.string("type", true);
      if (type != null && !CONNECTION_TYPES.contains(type)) {
        c.problem(
            c.raw("type"),
            "unknown connection type '"
                + type
                + "'; use one of "
                + String.join(", ", new java.util.TreeSet<>(CONNECTION_TYPES)));
      }
      String description = orEmpty(c.string("description", false));
      Map<String, String> expressions = stringMap(c, "expressions");
      Map<String, Object> properties = c.remaining();
      if (name != null && type != null) {
        result.add(
            new ConnectionDefinition(
                name, type, description, properties, expressions, c.location()));
      }
    }
    return List.copyOf(result);
  }

  private List<TaskDefinition> tasks(YamlMap owner, String key) {
    List<YamlMap> items = owner.maps(key);
    List<TaskDefinition> result = new ArrayList<>();
    Map<String, YamlMap> byName = new LinkedHashMap<>();
    for (YamlMap t : items) {
      TaskDefinition task = task(t);
      if (task == null) {
        continue;
      }
      if (byName.putIfAbsent(task.name().toLowerCase(Locale.ROOT), t) != null) {
        t.problemHere("task name '" + task.name() + "' is used twice in the same container");
      }
      result.add(task);
    }
    checkConstraints(result, byName);
    return List.copyOf(result);
  }

  private TaskDefinition task(YamlMap t) {
    String name = t.string("name", true);
    checkName(t, "task", name);
    String type = t.string("type", true);
    if (type != null && !TASK_TYPES.contains(type)) {
      t.problem(
          t.raw("type"),
          "unknown task type '"
              + type
              + "'; known types: "
              + String.join(", ", new java.util.TreeSet<>(TASK_TYPES)));
    }
    String description = orEmpty(t.string("description", false));
    boolean disabled = t.bool("disabled", false);
    List<TaskDefinition.Constraint> after = constraints(t);
    TaskDefinition.ConstraintMode mode = TaskDefinition.ConstraintMode.ALL;
    String modeText = t.string("afterMode", false);
    if (modeText != null) {
      switch (modeText.toLowerCase(Locale.ROOT)) {
        case "all" -> mode = TaskDefinition.ConstraintMode.ALL;
        case "any" -> mode = TaskDefinition.ConstraintMode.ANY;
        default ->
            t.problem(
                t.raw("afterMode"), "afterMode must be 'all' or 'any', not '" + modeText + "'");
      }
    }
    List<TaskDefinition> children = List.of();
    if (t.has("tasks")) {
      if (type != null && !CONTAINER_TYPES.contains(type)) {
        t.problem(
            t.raw("tasks"),
            "only containers (Sequence, ForLoop, ForeachLoop) have tasks; '"
                + name
                + "' is a "
                + type);
      }
      children = tasks(t, "tasks");
    }
    Map<String, List<TaskDefinition>> handlers = eventHandlers(t);
    Map<String, String> expressions = stringMap(t, "expressions");
    Map<String, Object> properties = t.remaining();
    if (name == null || type == null) {
      return null;
    }
    return new TaskDefinition(
        name,
        type,
        description,
        disabled,
        after,
        mode,
        children,
        handlers,
        expressions,
        properties,
        t.location());
  }

  private List<TaskDefinition.Constraint> constraints(YamlMap t) {
    Node node = t.raw("after");
    if (node == null) {
      return List.of();
    }
    List<Node> items = new ArrayList<>();
    if (node instanceof SequenceNode seq) {
      items.addAll(seq.getValue());
    } else {
      items.add(node);
    }
    List<TaskDefinition.Constraint> result = new ArrayList<>();
    for (Node item : items) {
      SourceLocation at = new SourceLocation(t.file(), YamlMap.line(item), YamlMap.column(item));
      if (item instanceof ScalarNode scalar) {
        result.add(
            new TaskDefinition.Constraint(
                scalar.getValue(), TaskDefinition.Outcome.SUCCESS, null, at));
        continue;
      }
      if (!(item instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)) {
        t.problem(item, "each 'after' item is a task name or {task, on, expression}");
        continue;
      }
      YamlMap c = new YamlMap(t.file(), mapping, problems);
      String task = c.string("task", true);
      String on = c.string("on", false);
      TaskDefinition.Outcome outcome = TaskDefinition.Outcome.SUCCESS;
      if (on != null) {
        try {
          outcome = TaskDefinition.Outcome.valueOf(on.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          c.problem(c.raw("on"), "'on' must be success, failure or completion, not '" + on + "'");
        }
      }
      String expression = c.string("expression", false);
      c.rejectUnknown("a precedence constraint", Set.of("task", "on", "expression"));
      if (task != null) {
        result.add(new TaskDefinition.Constraint(task, outcome, expression, at));
      }
    }
    return List.copyOf(result);
  }

  /** Constraints must name a sibling task, and must not form a cycle. */
  private void checkConstraints(List<TaskDefinition> tasks, Map<String, YamlMap> byName) {
    Map<String, TaskDefinition> index = new HashMap<>();
    for (TaskDefinition task : tasks) {
      index.put(task.name().toLowerCase(Locale.ROOT), task);
    }
    for (TaskDefinition task : tasks) {
      for (TaskDefinition.Constraint c : task.after()) {
        if (!index.containsKey(c.task().toLowerCase(Locale.ROOT))) {
          problems.add(
              new Problem(
                  c.location().file(),
                  c.location().line(),
                  c.location().column(),
                  "task '"
                      + task.name()
                      + "' waits for '"
                      + c.task()
                      + "', which is not a task of the same container"));
        } else if (c.task().equalsIgnoreCase(task.name())) {
          problems.add(
              new Problem(
                  c.location().file(),
                  c.location().line(),
                  c.location().column(),
                  "task '" + task.name() + "' waits for itself"));
        }
      }
    }
    Set<String> done = new HashSet<>();
    for (TaskDefinition task : tasks) {
      findCycle(task, index, new ArrayList<>(), done);
    }
  }

  private void findCycle(
      TaskDefinition task, Map<String, TaskDefinition> index, List<String> path, Set<String> done) {
    String key = task.name().toLowerCase(Locale.ROOT);
    if (done.contains(key)) {
      return;
    }
    int at = path.indexOf(key);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(key);
      problems.add(
          new Problem(
              task.location().file(),
              task.location().line(),
              task.location().column(),
              "precedence constraints form a cycle: " + String.join(" -> ", cycle)));
      return;
    }
    path.add(key);
    for (TaskDefinition.Constraint c : task.after()) {
      TaskDefinition before = index.get(c.task().toLowerCase(Locale.ROOT));
      if (before != null && before != task) {
        findCycle(before, index, path, done);
      }
    }
    path.remove(path.size() - 1);
    done.add(key);
  }

  private Map<String, List<TaskDefinition>> eventHandlers(YamlMap owner) {
    YamlMap handlers = owner.map("eventHandlers");
    if (handlers == null) {
      return Map.of();
    }
    Map<String, List<TaskDefinition>> result = new LinkedHashMap<>();
    for (String event : List.copyOf(handlers.keys())) {
      if (!EVENT_HANDLERS.contains(event)) {
        handlers.problem(
            handlers.raw(event),
            "unknown event handler '"
                + event
                + "'; use one of "
                + String.join(", ", new java.util.TreeSet<>(EVENT_HANDLERS)));
        continue;
      }
      result.put(event, tasks(handlers, event));
    }
    return result;
  }

  private Map<String, String> stringMap(YamlMap owner, String key) {
    YamlMap map = owner.map(key);
    if (map == null) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (String k : List.copyOf(map.keys())) {
      String v = map.string(k, true);
      if (v != null) {
        result.put(k, v);
      }
    }
    return result;
  }

  private String scalarText(YamlMap owner, Node node, String key) {
    if (node instanceof ScalarNode scalar) {
      return YamlMap.plain(scalar) == null ? null : scalar.getValue();
    }
    owner.problem(node, "'" + key + "' must be a single value");
    return null;
  }

  private void checkName(YamlMap at, String kind, String name) {
    if (name != null) {
      ObjectNames.problem(kind, name).ifPresent(at::problemHere);
    }
  }

  private YamlMap read(String path, byte[] content) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(new Problem(path, 0, 0, "is not UTF-8 text; save it as UTF-8"));
      return null;
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Node document = new Yaml(options).compose(new StringReader(text));
      if (document == null) {
        problems.add(new Problem(path, 0, 0, "is empty"));
        return null;
      }
      return YamlMap.root(path, document, problems);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          new Problem(
              path,
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              "YAML syntax: " + e.getProblem()));
      return null;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      problems.add(new Problem(path, 0, 0, "YAML syntax: " + e.getMessage()));
      return null;
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
