package io.sluice.engine.project;

import io.sluice.api.text.Articles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the control flow of one package: tasks and containers, their precedence constraints, event
 * handlers, property expressions and type-specific settings.
 */
final class TaskParser {

  /** Common properties a property expression may set besides the type's own settings. */
  private static final Set<String> OVERRIDABLE =
      Set.of(
          "disabled",
          "description",
          "maximumErrorCount",
          "forceExecutionResult",
          "failPackageOnFailure",
          "failParentOnFailure");

  private final List<Problem> problems;
  private final PackageScope scope;
  private final List<ProjectParser.PackageCall> packageCalls;
  private final SensitiveParameterRule sensitive;
  private final PluginSchemas plugins;
  private final ProjectFiles files;

  TaskParser(
      List<Problem> problems,
      PackageScope scope,
      List<ProjectParser.PackageCall> packageCalls,
      PluginSchemas plugins,
      ProjectFiles files) {
    this.plugins = plugins;
    this.files = files;
    this.problems = problems;
    this.scope = scope;
    this.packageCalls = packageCalls;
    this.sensitive =
        new SensitiveParameterRule(scope.projectParameters(), scope.packageParameters());
  }

  /** The tasks listed under {@code key} of {@code owner}: one container's worth. */
  List<TaskDefinition> tasks(YamlMap owner, String key) {
    List<TaskDefinition> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMap t : owner.maps(key)) {
      TaskDefinition task = task(t);
      if (task == null) {
        continue;
      }
      if (!names.add(task.name().toLowerCase(Locale.ROOT))) {
        t.problemHere("task name '" + task.name() + "' is used twice in the same container");
      }
      result.add(task);
    }
    checkConstraints(result);
    return List.copyOf(result);
  }

  Map<String, List<TaskDefinition>> eventHandlers(YamlMap owner) {
    YamlMap handlers = owner.map("eventHandlers");
    if (handlers == null) {
      return Map.of();
    }
    Map<String, List<TaskDefinition>> result = new LinkedHashMap<>();
    for (String event : List.copyOf(handlers.keys())) {
      if (!ProjectParser.EVENT_HANDLERS.contains(event)) {
        handlers.markUsed(event);
        handlers.problem(
            handlers.keyNode(event),
            Suggestions.unknown("event handler", event, null, ProjectParser.EVENT_HANDLERS));
        continue;
      }
      result.put(event, tasks(handlers, event));
    }
    return result;
  }

  private TaskDefinition task(YamlMap t) {
    String name = t.string("name", true);
    if (name != null) {
      ObjectNames.problem("task", name).ifPresent(why -> t.problem(t.raw("name"), why));
    }
    String type = t.string("type", true);
    Settings spec = type == null ? null : KnownTypes.TASKS.get(type);
    if (type != null && spec == null) {
      spec = pluginTask(type);
    }
    if (type != null && spec == null) {
      List<String> types = new ArrayList<>(KnownTypes.TASKS.keySet());
      plugins.types(PluginSchemas.Kind.TASK).forEach(p -> types.add(p.name()));
      t.problem(t.raw("type"), Suggestions.unknown("task type", type, null, types));
    }
    String description = t.description("task");
    boolean disabled = t.bool("disabled", false);
    List<TaskDefinition.Constraint> after = constraints(t, name);
    TaskDefinition.ConstraintMode mode = afterMode(t);
    List<TaskDefinition> children = List.of();
    boolean container = type != null && KnownTypes.CONTAINER_TYPES.contains(type);
    if (t.has("tasks")) {
      if (type != null && !container) {
        t.problem(
            t.keyNode("tasks"),
            "only containers (Sequence, ForLoop, ForeachLoop) have tasks; '"
                + name
                + "' is of type "
                + type);
      }
      children = tasks(t, "tasks");
    }
    if (type != null && KnownTypes.LOOP_TYPES.contains(type) && children.isEmpty()) {
      t.problemHere(
          "the "
              + type
              + " '"
              + name
              + "' has no tasks, so it would repeat nothing; add the tasks to repeat under 'tasks'");
    }
    Map<String, List<TaskDefinition>> handlers = eventHandlers(t);
    YamlMap expressionsMap = t.map("expressions");
    Map<String, String> expressions = ProjectParser.stringMap(expressionsMap);
    for (Map.Entry<String, String> e : expressions.entrySet()) {
      sensitive.refuse(
          expressionsMap,
          expressionsMap.raw(e.getKey()),
          e.getValue(),
          "property '" + e.getKey() + "' of task '" + name + "'");
    }
    Map<String, Object> properties;
    if (spec == null) {
      properties = t.remaining();
    } else {
      properties =
          SettingsChecker.check(
              t,
              spec,
              KnownTypes.TASK_COMMON_KEYS,
              OVERRIDABLE,
              expressions,
              expressionsMap,
              scope);
      checkTypeSpecific(t, type, expressions, expressionsMap);
      StructureCheck check = KnownTypes.TASK_CHECKS.get(type);
      if (check != null) {
        StructureFindings.report(t, check.check(properties, expressions.keySet(), plugins));
        problems.addAll(
            check.problems(properties, expressions.keySet(), new WrittenTask(t, files)));
        for (StructureCheck.WrittenExpression e : check.expressions(properties)) {
          sensitive.refuse(
              t, StructureFindings.node(t, e.list(), e.item(), e.path()), e.text(), e.sets());
        }
      }
    }
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

  /** The settings of a plugin task type (with those of every executable), or null. */
  private Settings pluginTask(String type) {
    return plugins
        .find(PluginSchemas.Kind.TASK, type)
        .filter(p -> p.name().equals(type))
        .map(
            p ->
                PluginSchemas.settings(
                    Articles.a(p.name()) + " task",
                    p.settings(),
                    KnownTypes.executable(Settings.of(Articles.a(p.name()) + " task"))))
        .orElse(null);
  }

  private TaskDefinition.ConstraintMode afterMode(YamlMap t) {
    String modeText = t.string("afterMode", false);
    if (modeText == null) {
      return TaskDefinition.ConstraintMode.ALL;
    }
    switch (modeText) {
      case "all":
        return TaskDefinition.ConstraintMode.ALL;
      case "any":
        return TaskDefinition.ConstraintMode.ANY;
      default:
        t.problem(t.raw("afterMode"), "afterMode must be 'all' or 'any', not '" + modeText + "'");
        return TaskDefinition.ConstraintMode.ALL;
    }
  }

  /** Settings that refer to variables, other packages or each other. */
  private void checkTypeSpecific(
      YamlMap t, String type, Map<String, String> expressions, YamlMap expressionsMap) {
    String name = t.string("name", false);
    switch (type) {
      case "ExecuteSql" -> checkExecuteSql(t, name);
      case "Expression" ->
          refuseSensitive(t, "expression", "the variable task '" + name + "' assigns");
      case "ForLoop" -> {
        for (String key : List.of("initExpression", "evalExpression", "assignExpression")) {
          refuseSensitive(t, key, "'" + key + "' of ForLoop '" + name + "'");
        }
      }
      case "ExecuteProcess" -> {
        reference(t, "standardInputVariable", false);
        reference(t, "standardOutputVariable", true);
        reference(t, "standardErrorVariable", true);
      }
      case "FileSystem" -> {
        String operation = t.string("operation", false);
        boolean hasDestination =
            t.has("destination")
                || t.has("destinationConnection")
                || expressions.containsKey("destination");
        if (operation != null
            && KnownTypes.FILE_OPERATIONS_WITH_DESTINATION.contains(operation)
            && !hasDestination) {
          t.problemHere(
              "the FileSystem operation "
                  + operation
                  + " needs 'destination' or 'destinationConnection'");
        }
      }
      case "ExecutePackage" -> checkExecutePackage(t);
      case "ForeachLoop" -> checkForeachLoop(t, name, expressions, expressionsMap);
      default -> {}
    }
  }

  private void checkExecuteSql(YamlMap t, String name) {
    reference(t, "statementVariable", false);
    refuseSensitiveReference(t, "statementVariable", "the statement of task '" + name + "'");
    for (YamlMap p : t.maps("parameters")) {
      String direction = p.string("direction", false);
      if (direction != null && !List.of("input", "output", "returnValue").contains(direction)) {
        p.problem(
            p.raw("direction"),
            "'direction' must be input, output or returnValue, not '" + direction + "'");
      }
      reference(p, "variable", direction != null && !direction.equals("input"), true);
      refuseSensitiveReference(p, "variable", "a query parameter of task '" + name + "'");
      p.string("type", false);
      p.rejectUnknown("an ExecuteSql parameter", Set.of("variable", "direction", "type"));
    }
    String resultSet = t.string("resultSet", false);
    YamlMap results = t.map("results");
    if (results != null) {
      if (resultSet == null || resultSet.equals("none")) {
        t.problem(
            t.keyNode("results"),
            "'results' needs resultSet: singleRow or fullResultSet (a statement with no result set"
                + " has none to store)");
      }
      for (String column : List.copyOf(results.keys())) {
        reference(results, column, true, true);
      }
    }
  }

  private void checkExecutePackage(YamlMap t) {
    Node target = t.raw("package");
    Map<String, Node> bindings = new LinkedHashMap<>();
    Map<String, String> sensitiveSources = new LinkedHashMap<>();
    YamlMap parameters = t.map("parameters");
    if (parameters != null) {
      for (String parameter : List.copyOf(parameters.keys())) {
        bindings.put(parameter, parameters.keyNode(parameter));
        reference(parameters, parameter, false, true);
        String source = sensitive.sensitiveReference(parameters.string(parameter, false));
        if (source != null) {
          sensitiveSources.put(parameter, source);
        }
      }
    }
    if (target instanceof ScalarNode scalar && !YamlMap.isNull(scalar)) {
      packageCalls.add(
          new ProjectParser.PackageCall(
              scope.packageName(), scalar.getValue(), target, bindings, sensitiveSources, t));
    }
  }

  /** The expression under {@code key} of {@code t} must not read a sensitive parameter. */
  private void refuseSensitive(YamlMap t, String key, String sets) {
    Node node = t.raw(key);
    if (node instanceof ScalarNode scalar && !YamlMap.isNull(scalar)) {
      sensitive.refuse(t, node, scalar.getValue(), sets);
    }
  }

  /**
   * The variable named under {@code key} of {@code map} must not be a sensitive parameter: its
   * value would reach {@code what}, which is not sensitive (SSIS:
   * DTS_E_SENSITIVEPARAMVALUENOTALLOWED).
   */
  private void refuseSensitiveReference(YamlMap map, String key, String what) {
    Node node = map.raw(key);
    if (!(node instanceof ScalarNode scalar) || YamlMap.isNull(scalar)) {
      return;
    }
    String parameter = sensitive.sensitiveReference(scalar.getValue());
    if (parameter != null) {
      map.problem(
          node,
          "sensitive parameter "
              + parameter
              + " would become "
              + what
              + ", and that is not sensitive: "
              + SensitiveParameterRule.HINT);
    }
  }

  /**
   * The enumerator's own settings; property expressions reach them as {@code enumerator.folder}
   * (SSIS sets the Foreach File enumerator's Directory by expression the same way).
   */
  private void checkForeachLoop(
      YamlMap t, String name, Map<String, String> expressions, YamlMap expressionsMap) {
    YamlMap enumerator = t.map("enumerator");
    Map<String, String> nested = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : expressions.entrySet()) {
      if (e.getKey().startsWith("enumerator.")) {
        nested.put(e.getKey().substring("enumerator.".length()), e.getValue());
      }
    }
    if (enumerator != null) {
      String kind = enumerator.string("type", true);
      Settings spec = kind == null ? null : KnownTypes.ENUMERATORS.get(kind);
      if (kind != null && spec == null) {
        enumerator.problem(
            enumerator.raw("type"),
            Suggestions.unknown("enumerator type", kind, null, KnownTypes.ENUMERATORS.keySet()));
      }
      if (spec != null) {
        for (String setting : List.copyOf(nested.keySet())) {
          if (!spec.keys.contains(setting) || setting.equals("type")) {
            nested.remove(setting);
            expressionsMap.problem(
                expressionsMap.keyNode("enumerator." + setting),
                Suggestions.unknown(
                    "property",
                    "enumerator." + setting,
                    "the expressions of " + spec.what,
                    spec.keys.stream()
                        .filter(k -> !k.equals("type"))
                        .map(k -> "enumerator." + k)
                        .toList()));
          }
        }
        SettingsChecker.check(enumerator, spec, Set.of(), Set.of(), nested, null, scope);
        if (kind.equals("variable")) {
          reference(enumerator, "variable", false);
          refuseSensitiveReference(
              enumerator, "variable", "the items ForeachLoop '" + name + "' enumerates");
        }
      }
    }
    YamlMap mappings = t.map("variableMappings");
    if (mappings != null) {
      for (String variable : List.copyOf(mappings.keys())) {
        Node index = mappings.raw(variable);
        if (!(YamlMap.plain(index) instanceof Long n) || n < 0) {
          mappings.problem(
              index,
              "variableMappings: each variable takes the 0-based index of the enumerator's value,"
                  + " e.g. 0");
        }
        String problem = scope.referenceProblem(variable, true).orElse(null);
        if (problem != null) {
          mappings.problem(mappings.keyNode(variable), problem);
        }
      }
    }
  }

  private void reference(YamlMap map, String key, boolean written) {
    reference(map, key, written, false);
  }

  /** The value of {@code key} must name a variable or parameter of the package. */
  private void reference(YamlMap map, String key, boolean written, boolean required) {
    String reference = map.string(key, required);
    if (reference == null) {
      return;
    }
    scope.referenceProblem(reference, written).ifPresent(why -> map.problem(map.raw(key), why));
  }

  private List<TaskDefinition.Constraint> constraints(YamlMap t, String taskName) {
    Node node = t.raw("after");
    if (node == null || YamlMap.isNull(node)) {
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
      if (item instanceof ScalarNode scalar && !YamlMap.isNull(scalar)) {
        result.add(
            new TaskDefinition.Constraint(
                scalar.getValue(), TaskDefinition.Outcome.SUCCESS, null, at));
        continue;
      }
      if (!(item instanceof MappingNode mapping)) {
        t.problem(item, "each 'after' item is a task name or {task, on, expression}");
        continue;
      }
      YamlMap c = new YamlMap(t.file(), mapping, problems);
      String task = c.string("task", true);
      String on = c.string("on", false);
      TaskDefinition.Outcome outcome = TaskDefinition.Outcome.SUCCESS;
      if (on != null) {
        switch (on) {
          case "success" -> outcome = TaskDefinition.Outcome.SUCCESS;
          case "failure" -> outcome = TaskDefinition.Outcome.FAILURE;
          case "completion" -> outcome = TaskDefinition.Outcome.COMPLETION;
          default ->
              c.problem(
                  c.raw("on"), "'on' must be success, failure or completion, not '" + on + "'");
        }
      }
      String expression = c.string("expression", false);
      if (expression != null) {
        sensitive.refuse(
            c,
            c.raw("expression"),
            expression,
            "whether task '" + taskName + "' runs after '" + task + "'");
      }
      c.rejectUnknown("a precedence constraint", Set.of("task", "on", "expression"));
      if (task != null) {
        result.add(new TaskDefinition.Constraint(task, outcome, expression, at));
      }
    }
    return List.copyOf(result);
  }

  /** Constraints must name a sibling task, and must not form a cycle. */
  private void checkConstraints(List<TaskDefinition> tasks) {
    Map<String, TaskDefinition> index = new HashMap<>();
    for (TaskDefinition task : tasks) {
      index.putIfAbsent(task.name().toLowerCase(Locale.ROOT), task);
    }
    List<String> names = tasks.stream().map(TaskDefinition::name).toList();
    for (TaskDefinition task : tasks) {
      Set<String> seen = new HashSet<>();
      for (TaskDefinition.Constraint c : task.after()) {
        String key = c.task().toLowerCase(Locale.ROOT);
        String message = null;
        if (!index.containsKey(key)) {
          String closest =
              Suggestions.closest(
                  c.task(), names.stream().filter(n -> !n.equals(task.name())).toList());
          message =
              "task '"
                  + task.name()
                  + "' waits for '"
                  + c.task()
                  + "', which is not a task of the same container"
                  + (closest == null ? "" : "; did you mean '" + closest + "'?");
        } else if (c.task().equalsIgnoreCase(task.name())) {
          message = "task '" + task.name() + "' waits for itself";
        } else if (!seen.add(key)) {
          message =
              "task '" + task.name() + "' has two constraints on '" + c.task() + "'; keep one";
        }
        if (message != null) {
          problems.add(
              new Problem(
                  c.location().file(), c.location().line(), c.location().column(), message));
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
      List<String> cycle = new ArrayList<>();
      for (String k : path.subList(at, path.size())) {
        cycle.add(index.get(k).name());
      }
      cycle.add(task.name());
      problems.add(
          new Problem(
              task.location().file(),
              task.location().line(),
              task.location().column(),
              "precedence constraints form a cycle: "
                  + String.join(" -> ", cycle)
                  + "; remove one of these 'after' entries"));
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
}
