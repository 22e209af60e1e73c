package io.sluice.engine.project;

import io.sluice.api.text.Articles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates a project's files into a {@link Project}. It checks structure only — keys,
 * names, types, values of parameters and variables, the settings each task, connection and
 * data-flow component type takes, and references between tasks, connections, variables and packages
 * — and reports every problem it finds, each with file, line and column. What the settings do is
 * the engine's business.
 */
public final class ProjectParser {

  public static final String PROJECT_FILE = "project.yaml";
  public static final String PACKAGES_FOLDER = "packages/";

  static final Set<String> TASK_TYPES = KnownTypes.TASKS.keySet();
  static final Set<String> CONTAINER_TYPES = KnownTypes.CONTAINER_TYPES;
  static final Set<String> CONNECTION_TYPES = KnownTypes.CONNECTIONS.keySet();

  /** The events a package or a task may have handlers for (SSIS's names). */
  public static final Set<String> EVENT_HANDLERS =
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
  private static final Set<String> VARIABLE_KEYS =
      Set.of("name", "type", "value", "expression", "readOnly", "raiseChangedEvent", "description");
  private static final Set<String> CONNECTION_COMMON_KEYS =
      Set.of("name", "type", "description", "expressions");

  private final List<Problem> problems = new ArrayList<>();
  private final List<PackageCall> packageCalls = new ArrayList<>();

  /** Packages whose file could not be read: calls to them are not reported again as unknown. */
  private final Set<String> unreadablePackages = new HashSet<>();

  /** The plugin types the project's lib/ jars and the process's plugin folder declare. */
  private PluginSchemas plugins = PluginSchemas.NONE;

  private ProjectFiles files = ProjectFiles.of(Map.of());

  private ProjectParser() {}

  /**
   * Parses and validates; throws {@link ProjectFormatException} listing every problem found, sorted
   * by file, line and column.
   */
  public static Project parse(ProjectFiles files) {
    ProjectParser parser = new ProjectParser();
    Project project = parser.project(files);
    if (!parser.problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(parser.problems);
      sorted.sort(
          Comparator.comparing(Problem::file)
              .thenComparingInt(Problem::line)
              .thenComparingInt(Problem::column));
      throw new ProjectFormatException(sorted);
    }
    return project;
  }

  private Project project(ProjectFiles files) {
    this.files = files;
    plugins = PluginSchemas.ofJars(files.libraries()).plus(PluginFolder.installed());
    for (PluginSchemas.DescriptorProblem p : plugins.problems()) {
      problems.add(new Problem(p.source(), 0, 0, p.message()));
    }
    for (PluginSchemas.Type t : plugins.types()) {
      boolean builtIn =
          switch (t.kind()) {
            case TASK -> KnownTypes.TASKS.keySet().stream().anyMatch(t.name()::equalsIgnoreCase);
            case CONNECTION ->
                KnownTypes.CONNECTIONS.keySet().stream().anyMatch(t.name()::equalsIgnoreCase);
            case COMPONENT -> false; // the data-flow check knows the components
          };
      if (builtIn) {
        problems.add(
            new Problem(
                t.source(),
                0,
                0,
                "plugin "
                    + t.kind().name().toLowerCase(Locale.ROOT)
                    + " type '"
                    + t.name()
                    + "' has the name of a built-in type, which a plugin cannot replace; rename"
                    + " it in the plugin"));
      }
    }
    byte[] projectFile = files.get(PROJECT_FILE);
    YamlMap root = null;
    if (projectFile == null) {
      problems.add(
          new Problem(
              PROJECT_FILE, 0, 0, "missing: a project folder needs a project.yaml at its top"));
    } else {
      root = read(PROJECT_FILE, projectFile);
    }
    String name = null;
    String description = "";
    List<ParameterDefinition> parameters = List.of();
    List<ConnectionDefinition> connections = List.of();
    if (root != null) {
      name = root.string("name", true);
      checkName(root, "project", name);
      description = root.description("project");
      parameters = parameters(root, "project");
      connections = connections(root, new SensitiveParameterRule(parameters, List.of()));
      root.rejectUnknown("project.yaml", PROJECT_KEYS);
    }
    List<PackageDefinition> packages = new ArrayList<>();
    Map<String, SourceLocation> packageNames = new HashMap<>();
    int packageFiles = 0;
    for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
      String path = file.getKey();
      if (!path.startsWith(PACKAGES_FOLDER)) {
        continue; // other files (SQL scripts, notes, lib/ jars) travel with the project untouched
      }
      if (path.indexOf('/', PACKAGES_FOLDER.length()) >= 0
          || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
        problems.add(
            new Problem(
                path,
                0,
                0,
                "packages/ holds only package files named PACKAGE.yaml; move this file elsewhere"));
        continue;
      }
      packageFiles++;
      PackageDefinition pkg = packageDefinition(path, file.getValue(), parameters, connections);
      if (pkg == null) {
        unreadablePackages.add(packageName(path).toLowerCase(Locale.ROOT));
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
    if (packageFiles == 0 && root != null) {
      problems.add(
          new Problem(
              PROJECT_FILE,
              0,
              0,
              "the project has no packages: add at least one packages/NAME.yaml"));
    }
    checkPackageCalls(packages);
    LibraryCheck.check(files, problems);
    return new Project(name, description, parameters, connections, List.copyOf(packages));
  }

  private PackageDefinition packageDefinition(
      String path,
      byte[] content,
      List<ParameterDefinition> projectParameters,
      List<ConnectionDefinition> projectConnections) {
    YamlMap root = read(path, content);
    if (root == null) {
      return null;
    }
    String fileName = packageName(path);
    String name = fileName;
    checkName(root, "package", fileName);
    // One name everywhere (file, catalog, ExecutePackage): 'name:' may only repeat the file name.
    String written = root.string("name", false);
    if (written != null && !written.equals(fileName)) {
      root.problem(
          root.raw("name"),
          "package name '"
              + written
              + "' differs from its file name '"
              + fileName
              + "'; a package is named by its file: rename the file to "
              + written
              + ".yaml or remove 'name:'");
    }
    String description = root.description("package");
    boolean entryPoint = root.bool("entryPoint", true);
    List<ParameterDefinition> parameters = parameters(root, "package");
    SensitiveParameterRule sensitive = new SensitiveParameterRule(projectParameters, parameters);
    List<VariableDefinition> variables = variables(root, sensitive);
    List<ConnectionDefinition> connections = connections(root, sensitive);
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
    List<ConnectionDefinition> visible = new ArrayList<>(projectConnections);
    visible.addAll(connections);
    PackageScope scope = new PackageScope(name, visible, variables, projectParameters, parameters);
    TaskParser taskParser = new TaskParser(problems, scope, packageCalls, plugins, files);
    List<TaskDefinition> tasks = taskParser.tasks(root, "tasks");
    Map<String, List<TaskDefinition>> handlers = taskParser.eventHandlers(root);
    Map<String, Object> properties = packageProperties(root);
    root.rejectUnknown("a package", PACKAGE_KEYS);
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

  private Map<String, Object> packageProperties(YamlMap root) {
    Settings spec =
        Settings.of("a package")
            .wholeNumber("maxConcurrentExecutables", -1)
            .wholeNumber("maximumErrorCount", 0)
            .choice("forceExecutionResult", KnownTypes.FORCED_RESULTS.toArray(String[]::new));
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String key : spec.keys) {
      Node value = root.raw(key);
      if (value == null) {
        continue;
      }
      properties.put(key, YamlMap.plain(value));
      SettingsChecker.checkValue(root, spec, key, value, null);
      if (key.equals("maxConcurrentExecutables") && Long.valueOf(0).equals(properties.get(key))) {
        root.problem(
            value, "'maxConcurrentExecutables' must be -1 (processors + 2) or at least 1, not 0");
      }
    }
    return properties;
  }

  private List<ParameterDefinition> parameters(YamlMap owner, String scope) {
    List<ParameterDefinition> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap p : owner.maps("parameters")) {
      String name = p.string("name", true);
      if (name != null) {
        ObjectNames.identifierProblem(scope + " parameter", name)
            .ifPresent(why -> p.problem(p.raw("name"), why));
      }
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
              Suggestions.unknown(
                  "parameter type",
                  typeName,
                  null,
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
      String description = p.description(scope + " parameter");
      p.rejectUnknown("a parameter", PARAMETER_KEYS);
      if (name != null && type != null) {
        result.add(new ParameterDefinition(name, type, required, sensitive, dflt, description));
      }
    }
    return List.copyOf(result);
  }

  private List<VariableDefinition> variables(YamlMap owner, SensitiveParameterRule sensitive) {
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
          v.problem(
              v.raw("name"),
              "variable '" + written + "': the System namespace is read-only; use User::");
        } else {
          ObjectNames.identifierProblem("variable namespace", namespace)
              .ifPresent(why -> v.problem(v.raw("name"), why));
        }
      }
      if (name != null) {
        ObjectNames.identifierProblem("variable", name)
            .ifPresent(why -> v.problem(v.raw("name"), why));
      }
      if (name != null && !seen.add((namespace + "::" + name).toLowerCase(Locale.ROOT))) {
        v.problemHere("variable '" + namespace + "::" + name + "' is defined twice");
      }
      String type = variableType(v);
      Node valueNode = v.raw("value");
      String value = valueNode == null ? null : scalarText(v, valueNode, "value");
      if (type != null && value != null) {
        VariableTypes.invalidValue(type, value)
            .ifPresent(why -> v.problem(valueNode, "value: " + why));
      }
      String expression = v.string("expression", false);
      if (expression != null && name != null) {
        sensitive.refuse(
            v, v.raw("expression"), expression, "the value of variable " + namespace + "::" + name);
      }
      boolean readOnly = v.bool("readOnly", false);
      boolean raiseChangedEvent = v.bool("raiseChangedEvent", false);
      String description = v.description("variable");
      v.rejectUnknown("a variable", VARIABLE_KEYS);
      if (name != null && type != null) {
        result.add(
            new VariableDefinition(
                namespace,
                name,
                type,
                value,
                expression,
                readOnly,
                raiseChangedEvent,
                description,
                v.location()));
      }
    }
    return List.copyOf(result);
  }

  /** The variable's type as SSIS spells it (written in any case), or null with a problem. */
  private String variableType(YamlMap v) {
    String type = v.string("type", true);
    if (type == null) {
      return null;
    }
    for (String known : VariableTypes.NAMES) {
      if (known.equalsIgnoreCase(type)) {
        return known;
      }
    }
    v.problem(v.raw("type"), Suggestions.unknown("variable type", type, null, VariableTypes.NAMES));
    return null;
  }

  private List<ConnectionDefinition> connections(YamlMap owner, SensitiveParameterRule sensitive) {
    List<ConnectionDefinition> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap c : owner.maps("connections")) {
      String name = c.string("name", true);
      checkName(c, "connection", name);
      if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
        c.problemHere("connection '" + name + "' is defined twice");
      }
      String type = c.string("type", true);
      Settings spec = type == null ? null : KnownTypes.CONNECTIONS.get(type);
      if (type != null && spec == null) {
        spec = pluginConnection(type);
      }
      if (type != null && spec == null) {
        List<String> types = new ArrayList<>(CONNECTION_TYPES);
        plugins.types(PluginSchemas.Kind.CONNECTION).forEach(t -> types.add(t.name()));
        c.problem(c.raw("type"), Suggestions.unknown("connection type", type, null, types));
      }
      String description = c.description("connection");
      YamlMap expressionsMap = c.map("expressions");
      Map<String, String> expressions = stringMap(expressionsMap);
      for (Map.Entry<String, String> e : expressions.entrySet()) {
        if (!ConnectionDefinition.isSensitiveSetting(type, e.getKey())) {
          sensitive.refuse(
              expressionsMap,
              expressionsMap.raw(e.getKey()),
              e.getValue(),
              "setting '" + e.getKey() + "' of connection '" + name + "'");
        }
      }
      Map<String, Object> properties =
          spec == null
              ? c.remaining()
              : SettingsChecker.check(
                  c, spec, CONNECTION_COMMON_KEYS, Set.of(), expressions, expressionsMap, null);
      StructureCheck check = type == null ? null : KnownTypes.CONNECTION_CHECKS.get(type);
      if (spec != null && check != null) {
        StructureFindings.report(c, check.check(properties, expressions.keySet()));
      }
      if (name != null && type != null) {
        result.add(
            new ConnectionDefinition(
                name, type, description, properties, expressions, c.location()));
      }
    }
    return List.copyOf(result);
  }

  /** The settings of a plugin connection type the project's jars declare, or null. */
  private Settings pluginConnection(String type) {
    return plugins
        .find(PluginSchemas.Kind.CONNECTION, type)
        .filter(t -> t.name().equals(type))
        .map(
            t ->
                PluginSchemas.settings(
                    Articles.a(t.name()) + " connection (plugin, " + t.source() + ")",
                    t.settings(),
                    null))
        .orElse(null);
  }

  /** ExecutePackage tasks must name another package of the project and bind its parameters. */
  private void checkPackageCalls(List<PackageDefinition> packages) {
    for (PackageCall call : packageCalls) {
      PackageDefinition target =
          packages.stream()
              .filter(p -> p.name().equalsIgnoreCase(call.target()))
              .findFirst()
              .orElse(null);
      if (target == null && unreadablePackages.contains(call.target().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (target == null) {
        call.at()
            .problem(
                call.targetNode(),
                Suggestions.unknown(
                    "package",
                    call.target(),
                    "this project",
                    packages.stream().map(PackageDefinition::name).toList()));
        continue;
      }
      if (target.name().equalsIgnoreCase(call.fromPackage())) {
        call.at().problem(call.targetNode(), "a package cannot execute itself");
        continue;
      }
      List<String> names = target.parameters().stream().map(ParameterDefinition::name).toList();
      checkSensitiveBindings(call, target);
      for (Map.Entry<String, Node> binding : call.bindings().entrySet()) {
        if (names.stream().noneMatch(n -> n.equalsIgnoreCase(binding.getKey()))) {
          call.at()
              .problem(
                  binding.getValue(),
                  Suggestions.unknown(
                      "parameter", binding.getKey(), "package '" + target.name() + "'", names));
        }
      }
      for (ParameterDefinition p : target.parameters()) {
        boolean bound =
            call.bindings().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(p.name()));
        if (p.required() && !bound) {
          call.at()
              .problem(
                  call.targetNode(),
                  "package '"
                      + target.name()
                      + "' requires parameter '"
                      + p.name()
                      + "': bind it under 'parameters' of this task");
        }
      }
    }
  }

  /**
   * A sensitive value may only be bound to a sensitive parameter of the child (SSIS:
   * DTS_E_TKEXECPACKAGE_REQUIRESENSITIVEPARAMETER, "Variable bound to child package parameter
   * contains a sensitive value. The child package parameter is not sensitive").
   */
  private static void checkSensitiveBindings(PackageCall call, PackageDefinition target) {
    for (Map.Entry<String, String> binding : call.sensitiveSources().entrySet()) {
      target.parameters().stream()
          .filter(p -> p.name().equalsIgnoreCase(binding.getKey()) && !p.sensitive())
          .findFirst()
          .ifPresent(
              p ->
                  call.at()
                      .problem(
                          call.bindings().get(binding.getKey()),
                          "parameter '"
                              + p.name()
                              + "' of package '"
                              + target.name()
                              + "' is bound to sensitive parameter "
                              + binding.getValue()
                              + " but is not sensitive itself: mark it 'sensitive: true' in"
                              + " packages/"
                              + target.name()
                              + ".yaml, or bind a value that is not secret (SSIS refuses the"
                              + " same)"));
    }
  }

  /**
   * An ExecutePackage task seen while parsing, checked once every package is known.
   *
   * @param sensitiveSources child parameter (as written) to the sensitive parameter bound to it
   */
  record PackageCall(
      String fromPackage,
      String target,
      Node targetNode,
      Map<String, Node> bindings,
      Map<String, String> sensitiveSources,
      YamlMap at) {}

  /** A package is named by its file: packages/load-rates.yaml is the package load-rates. */
  private static String packageName(String path) {
    return path.substring(PACKAGES_FOLDER.length()).replaceFirst("\\.ya?ml$", "");
  }

  static Map<String, String> stringMap(YamlMap map) {
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
      return YamlMap.isNull(scalar) ? null : scalar.getValue();
    }
    owner.problem(node, "'" + key + "' must be a single value");
    return null;
  }

  /** Checks the name written under 'name:' of {@code at} (or the mapping, if derived). */
  private void checkName(YamlMap at, String kind, String name) {
    if (name != null) {
      ObjectNames.problem(kind, name)
          .ifPresent(why -> at.problem(at.has("name") ? at.raw("name") : at.keyNode("name"), why));
    }
  }

  private YamlMap read(String path, byte[] content) {
    int before = problems.size();
    Node document = YamlReader.compose(path, content, problems);
    if (document == null) {
      if (problems.size() == before) { // no problem reading it: the file holds no document
        problems.add(new Problem(path, 0, 0, "is empty; write the " + describe(path) + " in it"));
      }
      return null;
    }
    return YamlMap.root(path, document, problems);
  }

  private static String describe(String path) {
    return path.equals(PROJECT_FILE) ? "project's name, parameters and connections" : "package";
  }
}
