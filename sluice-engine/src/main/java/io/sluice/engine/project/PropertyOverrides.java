package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * dtexec's {@code /SET} and {@code /CONNECTION}, and the SSIS catalog's execution property
 * overrides, applied to the model of a project before one of its packages runs. The same code
 * serves {@code sluice run} and the catalog's executions (the worker and server mode), so a path
 * means the same everywhere.
 *
 * <p>What a path may set, and to what in Sluice's model:
 *
 * <ul>
 *   <li>{@code \Package.Variables[User::X].Value} (or {@code .Properties[Value]}, or no property):
 *       the variable's value, checked against its type. A variable with an expression keeps it: the
 *       expression wins, as in SSIS.
 *   <li>{@code \Package.Variables[$Package::P]} and {@code [$Project::P]}: a parameter value
 *       (dtexec with {@code /Project}); it wins over every other value of that parameter for this
 *       run.
 *   <li>{@code \Package.Connections[C].Properties[ConnectionString]}: a jdbc connection's {@code
 *       url} (a JDBC URL), a flatFile connection's {@code file}, a file connection's {@code path};
 *       {@code UserName} and {@code Password} a jdbc connection's {@code user} and {@code
 *       password}; any other setting of the connection's type by its Sluice name. The package's
 *       connection of that name first, then the project's, as the run resolves the name. A property
 *       expression on the same setting still wins, as in SSIS.
 *   <li>{@code \Package\Container\Task.Properties[Disable]} and the task's settings by their Sluice
 *       or SSIS name ({@code SqlStatementSource}, {@code MaximumErrorCount}, ...).
 *   <li>{@code \Package\Loop.ForEachEnumerator.Properties[Directory]}: a Foreach loop's enumerator
 *       setting by its SSIS name ({@code Directory}, {@code FileSpec}, {@code Recurse}) or its
 *       Sluice name; an imported package keeps the folder of the old estate there, as Lesson2.dtsx
 *       does.
 *   <li>{@code \Package.Properties[MaxConcurrentExecutables]}.
 * </ul>
 *
 * Overrides apply in order, so a later one for the same path wins (dtexec's rule). Every problem is
 * collected, and none of a sensitive value's text is ever quoted in one.
 */
public final class PropertyOverrides {

  private static final PropertyOverrides NONE = new PropertyOverrides(List.of());

  /** SSIS's names of settings whose Sluice names differ by more than case. */
  private static final Map<String, String> TASK_ALIASES =
      Map.of("sqlstatementsource", "statement", "disable", "disabled");

  /** The SSIS names of the Foreach File enumerator's properties, by their Sluice settings. */
  private static final Map<String, String> ENUMERATOR_ALIASES =
      Map.of("directory", "folder", "filespec", "files", "recurse", "recursive");

  private final List<PropertyOverride> overrides;

  private PropertyOverrides(List<PropertyOverride> overrides) {
    this.overrides = List.copyOf(overrides);
  }

  public static PropertyOverrides none() {
    return NONE;
  }

  public static PropertyOverrides of(List<PropertyOverride> overrides) {
    return overrides.isEmpty() ? NONE : new PropertyOverrides(overrides);
  }

  public List<PropertyOverride> list() {
    return overrides;
  }

  public boolean isEmpty() {
    return overrides.isEmpty();
  }

  /**
   * The project with the overrides applied to package {@code packageName} (and to the project's
   * connections it names), and the parameter values they set, as text checked against each
   * parameter's type.
   *
   * @param notes what the user should know but does not stop the run: a value that a property
   *     expression replaces
   */
  public record Applied(
      Project project,
      Map<String, String> projectParameters,
      Map<String, String> packageParameters,
      List<String> notes) {}

  /**
   * @throws PropertyOverrideException listing every path that names nothing, a property Sluice
   *     cannot set, or a value of the wrong type, each with what is accepted
   */
  public Applied apply(Project project, String packageName) {
    PackageDefinition pkg =
        project
            .findPackage(packageName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "package '" + packageName + "' is not in project " + project.name()));
    State state = new State(project, pkg);
    for (PropertyOverride o : overrides) {
      try {
        state.apply(o);
      } catch (IllegalArgumentException e) {
        state.problems.add(e.getMessage());
      }
    }
    if (!state.problems.isEmpty()) {
      throw new PropertyOverrideException(state.problems);
    }
    List<PackageDefinition> packages = new ArrayList<>(project.packages());
    packages.replaceAll(p -> p == pkg ? state.pkg : p);
    Project changed =
        new Project(
            project.name(),
            project.description(),
            project.parameters(),
            state.projectConnections,
            packages);
    return new Applied(
        changed,
        Map.copyOf(state.projectParameters),
        Map.copyOf(state.packageParameters),
        List.copyOf(state.notes));
  }

  /**
   * Whether {@code path} sets something that may hold a secret in {@code packageName}: a
   * connection's string or password, or a sensitive parameter. A catalog stores such a value
   * encrypted whatever the caller said. False when the path names nothing (apply says why).
   */
  public static boolean holdsSecret(Project project, String packageName, String path) {
    try {
      PropertyPath p = PropertyPath.parse(path);
      PackageDefinition pkg = project.findPackage(packageName).orElse(null);
      if (pkg == null || p.collection() == null) {
        return false;
      }
      if (p.collection().equals("Connections")) {
        return true;
      }
      if (p.collection().equals("Variables") && p.key().startsWith("$")) {
        List<ParameterDefinition> scope =
            p.key().regionMatches(true, 0, "$Project::", 0, 10)
                ? project.parameters()
                : pkg.parameters();
        String name = p.key().substring(p.key().indexOf("::") + 2);
        return scope.stream().anyMatch(d -> d.name().equalsIgnoreCase(name) && d.sensitive());
      }
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The credentials written inside a connection string or URL, to mask in messages: the values of
   * {@code password=} and {@code pwd=} (JDBC, ODBC and OLE DB spellings) and the password of {@code
   * //user:password@host}. The rest of the string stays readable in logs, so an operator still sees
   * which server a run used.
   */
  public static List<String> credentialsIn(String connectionString) {
    List<String> found = new ArrayList<>();
    String lower = connectionString.toLowerCase(Locale.ROOT);
    for (String key : List.of("password=", "pwd=")) {
      int from = 0;
      while ((from = lower.indexOf(key, from)) >= 0) {
        boolean startsKey = from == 0 || ";&?: ".indexOf(connectionString.charAt(from - 1)) >= 0;
        int start = from + key.length();
        int end = start;
        while (end < connectionString.length() && ";&".indexOf(connectionString.charAt(end)) < 0) {
          end++;
        }
        if (startsKey && end > start) {
          found.add(connectionString.substring(start, end));
        }
        from = end;
      }
    }
    int scheme = connectionString.indexOf("://");
    if (scheme >= 0) {
      int at = connectionString.indexOf('@', scheme + 3);
      int slash = connectionString.indexOf('/', scheme + 3);
      if (at > 0 && (slash < 0 || at < slash)) {
        String userInfo = connectionString.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        if (colon >= 0 && colon < userInfo.length() - 1) {
          found.add(userInfo.substring(colon + 1));
        }
      }
    }
    return found;
  }

  /** The model as the overrides so far left it. */
  private static final class State {
    final Project project;
    PackageDefinition pkg;
    List<ConnectionDefinition> projectConnections;
    final Map<String, String> projectParameters = new LinkedHashMap<>();
    final Map<String, String> packageParameters = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    State(Project project, PackageDefinition pkg) {
      this.project = project;
      this.pkg = pkg;
      this.projectConnections = new ArrayList<>(project.connections());
    }

    void apply(PropertyOverride o) {
      PropertyPath p = PropertyPath.parse(o.path());
      if (p.collection() == null) {
        if (p.containers().isEmpty()) {
          packageProperty(o, p);
        } else {
          taskProperty(o, p);
        }
        return;
      }
      if (!p.containers().isEmpty()) {
        throw PropertyPath.bad(
            o.path(),
            "Sluice's "
                + p.collection().toLowerCase(Locale.ROOT)
                + " belong to the package, not to a task; write \\Package."
                + p.collection()
                + "["
                + p.key()
                + "]");
      }
      switch (p.collection()) {
        case "Connections" -> connection(o, p);
        case "Variables" -> {
          if (p.key().startsWith("$")) {
            parameter(o, p);
          } else {
            variable(o, p);
          }
        }
        default ->
            throw PropertyPath.bad(
                o.path(),
                "SSIS sets a parameter as \\Package.Variables[$Package::Name] or"
                    + " \\Package.Variables[$Project::Name]");
      }
    }

    private void packageProperty(PropertyOverride o, PropertyPath p) {
      if (p.property() == null || !p.property().equalsIgnoreCase("MaxConcurrentExecutables")) {
        throw PropertyPath.bad(
            o.path(),
            (p.property() == null ? "it names no property" : "Sluice cannot set " + p.property())
                + "; accepted: "
                + PropertyPath.FORMS);
      }
      long max = wholeNumber(o, "MaxConcurrentExecutables", -1);
      if (max == 0) {
        throw PropertyPath.bad(o.path(), "must be -1 (processors + 2) or at least 1, not 0");
      }
      Map<String, Object> properties = new LinkedHashMap<>(pkg.properties());
      properties.put("maxConcurrentExecutables", max);
      pkg =
          new PackageDefinition(
              pkg.name(),
              pkg.description(),
              pkg.entryPoint(),
              pkg.parameters(),
              pkg.variables(),
              pkg.connections(),
              pkg.tasks(),
              pkg.eventHandlers(),
              properties,
              pkg.location());
    }

    private void connection(PropertyOverride o, PropertyPath p) {
      boolean inPackage = find(pkg.connections(), p.key()).isPresent();
      ConnectionDefinition c =
          find(pkg.connections(), p.key())
              .or(() -> find(projectConnections, p.key()))
              .orElseThrow(
                  () ->
                      PropertyPath.bad(
                          o.path(),
                          "package "
                              + pkg.name()
                              + " has no connection '"
                              + p.key()
                              + "'; its connections: "
                              + names()));
      if (p.property() == null) {
        throw PropertyPath.bad(
            o.path(),
            "say which property, e.g. \\Package.Connections["
                + c.name()
                + "].Properties[ConnectionString]");
      }
      String setting = connectionSetting(o, c, p.property());
      Object value = typed(o, KnownTypes.CONNECTIONS.get(c.type()), setting, c.properties(), true);
      if (setting.equals("url") && !String.valueOf(value).regionMatches(true, 0, "jdbc:", 0, 5)) {
        throw PropertyPath.bad(
            o.path(),
            "connection '"
                + c.name()
                + "' is a jdbc connection: its ConnectionString is a JDBC URL such as"
                + " jdbc:postgresql://host:5432/database, and the value given is not one (an OLE DB"
                + " or ADO.NET connection string is not: sluice import ssis translates those)");
      }
      if (c.expressions().containsKey(setting)) {
        notes.add(
            "connection '"
                + c.name()
                + "' computes '"
                + setting
                + "' with a property expression, which replaces the value of "
                + o.path()
                + " when the connection is used (as in SSIS)");
      }
      Map<String, Object> properties = new LinkedHashMap<>(c.properties());
      properties.put(setting, value);
      ConnectionDefinition changed =
          new ConnectionDefinition(
              c.name(), c.type(), c.description(), properties, c.expressions(), c.location());
      if (inPackage) {
        List<ConnectionDefinition> list = new ArrayList<>(pkg.connections());
        list.replaceAll(d -> d == c ? changed : d);
        pkg = withConnections(pkg, list);
      } else {
        projectConnections.replaceAll(d -> d == c ? changed : d);
      }
    }

    /** The Sluice setting an SSIS connection property name stands for. */
    private static String connectionSetting(
        PropertyOverride o, ConnectionDefinition c, String property) {
      String lower = property.toLowerCase(Locale.ROOT);
      if (lower.equals("connectionstring")) {
        return switch (c.type()) {
          case "jdbc" -> "url";
          case "flatFile" -> "file";
          default -> "path";
        };
      }
      if (c.type().equals("jdbc") && lower.equals("username")) {
        return "user";
      }
      Settings settings = KnownTypes.CONNECTIONS.get(c.type());
      List<String> all = new ArrayList<>(settings.keys);
      all.addAll(settings.checkedElsewhere);
      return all.stream()
          .filter(k -> k.equalsIgnoreCase(property))
          .findFirst()
          .orElseThrow(
              () ->
                  PropertyPath.bad(
                      o.path(),
                      "connection '"
                          + c.name()
                          + "' ("
                          + c.type()
                          + ") has no property "
                          + property
                          + "; accepted: ConnectionString"
                          + (c.type().equals("jdbc") ? ", UserName, Password" : "")
                          + " and its settings "
                          + String.join(", ", all)));
    }

    private void variable(PropertyOverride o, PropertyPath p) {
      requireValueProperty(o, p);
      String key = p.key();
      List<VariableDefinition> variables = pkg.variables();
      Optional<VariableDefinition> found =
          key.contains("::")
              ? variables.stream().filter(v -> v.qualifiedName().equalsIgnoreCase(key)).findFirst()
              : variables.stream()
                  .filter(v -> v.name().equalsIgnoreCase(key))
                  .min(
                      (a, b) ->
                          a.namespace().equals("User") ? -1 : b.namespace().equals("User") ? 1 : 0);
      VariableDefinition v =
          found.orElseThrow(
              () ->
                  PropertyPath.bad(
                      o.path(),
                      "package "
                          + pkg.name()
                          + " has no variable "
                          + key
                          + "; its variables: "
                          + (variables.isEmpty()
                              ? "none"
                              : String.join(
                                  ", ",
                                  variables.stream()
                                      .map(VariableDefinition::qualifiedName)
                                      .toList()))));
      VariableTypes.invalidValue(v.type(), o.value())
          .ifPresent(
              why -> {
                throw PropertyPath.bad(
                    o.path(),
                    "variable "
                        + v.qualifiedName()
                        + " is "
                        + v.type()
                        + ": "
                        + (o.sensitive() ? "the value given is not one" : why));
              });
      if (v.expression() != null) {
        notes.add(
            "variable "
                + v.qualifiedName()
                + " is computed by its expression (EvaluateAsExpression), which replaces the"
                + " value of "
                + o.path()
                + " (as in SSIS)");
      }
      VariableDefinition changed =
          new VariableDefinition(
              v.namespace(),
              v.name(),
              v.type(),
              o.value(),
              v.expression(),
              v.readOnly(),
              v.raiseChangedEvent(),
              v.description(),
              v.location());
      List<VariableDefinition> list = new ArrayList<>(variables);
      list.replaceAll(d -> d == v ? changed : d);
      pkg =
          new PackageDefinition(
              pkg.name(),
              pkg.description(),
              pkg.entryPoint(),
              pkg.parameters(),
              list,
              pkg.connections(),
              pkg.tasks(),
              pkg.eventHandlers(),
              pkg.properties(),
              pkg.location());
    }

    private void parameter(PropertyOverride o, PropertyPath p) {
      requireValueProperty(o, p);
      String key = p.key();
      int separator = key.indexOf("::");
      String scope = separator < 0 ? "" : key.substring(0, separator);
      boolean projectScope = scope.equalsIgnoreCase("$Project");
      if (!projectScope && !scope.equalsIgnoreCase("$Package")) {
        throw PropertyPath.bad(o.path(), "write $Package::Name or $Project::Name for a parameter");
      }
      String name = key.substring(separator + 2);
      List<ParameterDefinition> parameters = projectScope ? project.parameters() : pkg.parameters();
      ParameterDefinition d =
          parameters.stream()
              .filter(x -> x.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      PropertyPath.bad(
                          o.path(),
                          (projectScope ? "project " + project.name() : "package " + pkg.name())
                              + " has no parameter "
                              + name
                              + "; its parameters: "
                              + (parameters.isEmpty()
                                  ? "none"
                                  : String.join(
                                      ", ",
                                      parameters.stream()
                                          .map(ParameterDefinition::name)
                                          .toList()))));
      d.type()
          .invalidValue(o.value(), d.sensitive() || o.sensitive())
          .ifPresent(
              why -> {
                throw PropertyPath.bad(o.path(), "parameter " + key + ": " + why);
              });
      (projectScope ? projectParameters : packageParameters).put(d.name(), o.value());
    }

    private void taskProperty(PropertyOverride o, PropertyPath p) {
      if (p.property() == null) {
        throw PropertyPath.bad(
            o.path(), "it names a task but no property; e.g. " + o.path() + ".Properties[Disable]");
      }
      List<TaskDefinition> tasks =
          replaceTask(
              o,
              pkg.tasks(),
              p.containers(),
              0,
              task -> p.enumerator() ? setOnEnumerator(o, p, task) : setOnTask(o, p, task));
      pkg =
          new PackageDefinition(
              pkg.name(),
              pkg.description(),
              pkg.entryPoint(),
              pkg.parameters(),
              pkg.variables(),
              pkg.connections(),
              tasks,
              pkg.eventHandlers(),
              pkg.properties(),
              pkg.location());
    }

    private List<TaskDefinition> replaceTask(
        PropertyOverride o,
        List<TaskDefinition> level,
        List<String> names,
        int depth,
        UnaryOperator<TaskDefinition> change) {
      String name = names.get(depth);
      TaskDefinition t =
          level.stream()
              .filter(x -> x.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      PropertyPath.bad(
                          o.path(),
                          "there is no task '"
                              + name
                              + "' in "
                              + (depth == 0
                                  ? "package " + pkg.name()
                                  : "\\Package\\" + String.join("\\", names.subList(0, depth)))
                              + "; its tasks there: "
                              + (level.isEmpty()
                                  ? "none"
                                  : String.join(
                                      ", ", level.stream().map(TaskDefinition::name).toList()))));
      TaskDefinition changed =
          depth == names.size() - 1
              ? change.apply(t)
              : withTasks(t, replaceTask(o, t.tasks(), names, depth + 1, change));
      List<TaskDefinition> list = new ArrayList<>(level);
      list.replaceAll(x -> x == t ? changed : x);
      return list;
    }

    private TaskDefinition setOnTask(PropertyOverride o, PropertyPath p, TaskDefinition t) {
      String lower = p.property().toLowerCase(Locale.ROOT);
      String alias = TASK_ALIASES.getOrDefault(lower, lower);
      if (alias.equals("disabled")) {
        boolean disabled = bool(o, p.property());
        return new TaskDefinition(
            t.name(),
            t.type(),
            t.description(),
            disabled,
            t.after(),
            t.afterMode(),
            t.tasks(),
            t.eventHandlers(),
            t.expressions(),
            t.properties(),
            t.location());
      }
      Settings settings = KnownTypes.TASKS.get(t.type());
      List<String> all = new ArrayList<>();
      if (settings != null) {
        all.addAll(settings.keys);
        all.addAll(settings.checkedElsewhere);
        all.addAll(settings.wholeNumbers.keySet());
        all.addAll(settings.booleans);
        all.addAll(settings.choices.keySet());
      }
      String setting =
          all.stream()
              .filter(k -> k.equalsIgnoreCase(alias))
              .findFirst()
              .orElseThrow(
                  () ->
                      PropertyPath.bad(
                          o.path(),
                          "task '"
                              + t.name()
                              + "' ("
                              + t.type()
                              + ") has no property "
                              + p.property()
                              + " that Sluice can set; accepted: Disable, "
                              + String.join(", ", all.stream().distinct().toList())));
      Object value = typed(o, settings, setting, t.properties(), false);
      if (t.expressions().containsKey(setting)) {
        notes.add(
            "task "
                + t.name()
                + " computes '"
                + setting
                + "' with a property expression, which replaces the value of "
                + o.path()
                + " (as in SSIS)");
      }
      Map<String, Object> properties = new LinkedHashMap<>(t.properties());
      properties.put(setting, value);
      return new TaskDefinition(
          t.name(),
          t.type(),
          t.description(),
          t.disabled(),
          t.after(),
          t.afterMode(),
          t.tasks(),
          t.eventHandlers(),
          t.expressions(),
          properties,
          t.location());
    }

    /** A setting of a ForeachLoop's enumerator, checked against the enumerator's type. */
    @SuppressWarnings("unchecked")
    private TaskDefinition setOnEnumerator(PropertyOverride o, PropertyPath p, TaskDefinition t) {
      if (!t.type().equals("ForeachLoop") || !(t.properties().get("enumerator") instanceof Map)) {
        throw PropertyPath.bad(
            o.path(), "task '" + t.name() + "' (" + t.type() + ") is not a ForeachLoop");
      }
      Map<String, Object> enumerator =
          new LinkedHashMap<>((Map<String, Object>) t.properties().get("enumerator"));
      String kind = String.valueOf(enumerator.get("type"));
      Settings settings = KnownTypes.ENUMERATORS.get(kind);
      if (settings == null) {
        throw PropertyPath.bad(
            o.path(), "the enumerator of '" + t.name() + "' has no known type: " + kind);
      }
      String lower = p.property().toLowerCase(Locale.ROOT);
      String alias = ENUMERATOR_ALIASES.getOrDefault(lower, lower);
      List<String> all = new ArrayList<>(settings.keys);
      all.addAll(settings.booleans);
      all.addAll(settings.choices.keySet());
      all.remove("type");
      String setting =
          all.stream()
              .filter(k -> k.equalsIgnoreCase(alias))
              .findFirst()
              .orElseThrow(
                  () ->
                      PropertyPath.bad(
                          o.path(),
                          "the "
                              + kind
                              + " enumerator of '"
                              + t.name()
                              + "' has no property "
                              + p.property()
                              + " that Sluice can set; accepted: "
                              + (kind.equals("file") ? "Directory, FileSpec, Recurse, " : "")
                              + String.join(", ", all.stream().distinct().toList())));
      Object value = typed(o, settings, setting, enumerator, false);
      if (t.expressions().containsKey("enumerator." + setting)) {
        notes.add(
            "task "
                + t.name()
                + " computes 'enumerator."
                + setting
                + "' with a property expression, which replaces the value of "
                + o.path()
                + " (as in SSIS)");
      }
      enumerator.put(setting, value);
      Map<String, Object> properties = new LinkedHashMap<>(t.properties());
      properties.put("enumerator", enumerator);
      return new TaskDefinition(
          t.name(),
          t.type(),
          t.description(),
          t.disabled(),
          t.after(),
          t.afterMode(),
          t.tasks(),
          t.eventHandlers(),
          t.expressions(),
          properties,
          t.location());
    }

    /**
     * The text as the setting's type: a whole number, true/false, one of its words, else the type
     * of the value written in the project (text when there is none). Lists and mappings cannot be
     * given as one text.
     */
    private Object typed(
        PropertyOverride o,
        Settings settings,
        String setting,
        Map<String, Object> current,
        boolean secretSetting) {
      if (settings.lists.contains(setting) || settings.mappings.contains(setting)) {
        throw PropertyPath.bad(
            o.path(), "'" + setting + "' is a list or mapping; it cannot be set from one value");
      }
      if (settings.wholeNumbers.containsKey(setting)) {
        return wholeNumber(o, setting, settings.wholeNumbers.get(setting));
      }
      if (settings.booleans.contains(setting)) {
        return bool(o, setting);
      }
      List<String> words = settings.choices.get(setting);
      if (words != null) {
        return words.stream()
            .filter(w -> w.equalsIgnoreCase(o.value().trim()))
            .findFirst()
            .orElseThrow(
                () ->
                    PropertyPath.bad(
                        o.path(), "'" + setting + "' is one of " + String.join(", ", words)));
      }
      Object written = current.get(setting);
      if (written instanceof Number) {
        return wholeNumber(o, setting, Long.MIN_VALUE);
      }
      if (written instanceof Boolean) {
        return bool(o, setting);
      }
      if (written instanceof List<?> || written instanceof Map<?, ?>) {
        throw PropertyPath.bad(
            o.path(), "'" + setting + "' is a list or mapping; it cannot be set from one value");
      }
      return o.value();
    }

    private static long wholeNumber(PropertyOverride o, String setting, long min) {
      try {
        long n = Long.parseLong(o.value().trim());
        if (n >= min) {
          return n;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw PropertyPath.bad(
          o.path(),
          setting
              + " is a whole number"
              + (min == Long.MIN_VALUE ? "" : " of at least " + min)
              + (o.sensitive() ? "" : ", not '" + o.value() + "'"));
    }

    private static boolean bool(PropertyOverride o, String setting) {
      String v = o.value().trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default ->
            throw PropertyPath.bad(
                o.path(),
                setting + " is True or False" + (o.sensitive() ? "" : ", not '" + o.value() + "'"));
      };
    }

    private static void requireValueProperty(PropertyOverride o, PropertyPath p) {
      if (p.property() != null && !p.property().equalsIgnoreCase("Value")) {
        throw PropertyPath.bad(
            o.path(), "Sluice sets only the Value of a variable or parameter, not " + p.property());
      }
    }

    private String names() {
      List<String> all = new ArrayList<>();
      pkg.connections().forEach(c -> all.add(c.name()));
      projectConnections.stream()
          .map(ConnectionDefinition::name)
          .filter(n -> all.stream().noneMatch(n::equalsIgnoreCase))
          .forEach(all::add);
      return all.isEmpty() ? "none" : String.join(", ", all);
    }

    private static Optional<ConnectionDefinition> find(
        List<ConnectionDefinition> list, String name) {
      return list.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    private static PackageDefinition withConnections(
        PackageDefinition p, List<ConnectionDefinition> list) {
      return new PackageDefinition(
          p.name(),
          p.description(),
          p.entryPoint(),
          p.parameters(),
          p.variables(),
          list,
          p.tasks(),
          p.eventHandlers(),
          p.properties(),
          p.location());
    }

    private static TaskDefinition withTasks(TaskDefinition t, List<TaskDefinition> tasks) {
      return new TaskDefinition(
          t.name(),
          t.type(),
          t.description(),
          t.disabled(),
          t.after(),
          t.afterMode(),
          tasks,
          t.eventHandlers(),
          t.expressions(),
          t.properties(),
          t.location());
    }
  }
}
