package io.sluice.engine.runtime.task;

import io.sluice.api.text.Articles;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.Variables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task's own settings as written (after property expressions), with typed getters that record a
 * problem instead of throwing, so validation reports every mistake at once. Settings never read by
 * the task type are reported as unknown: a typo never passes silently.
 */
public final class TaskSettings {

  private final String taskName;
  private final Map<String, Object> values;
  private final Variables variables;
  private final Connections connections;
  private final Project project;
  private final ProjectFiles files;
  private final ExpressionService expressions;
  private final Set<String> read = new HashSet<>();
  private final List<String> problems;
  private boolean ignoreUnknown;

  public TaskSettings(
      String taskName,
      Map<String, Object> values,
      Variables variables,
      Connections connections,
      Project project,
      ProjectFiles files,
      ExpressionService expressions) {
    this(taskName, values, variables, connections, project, files, expressions, new ArrayList<>());
  }

  private TaskSettings(
      String taskName,
      Map<String, Object> values,
      Variables variables,
      Connections connections,
      Project project,
      ProjectFiles files,
      ExpressionService expressions,
      List<String> problems) {
    this.problems = problems;
    this.taskName = taskName;
    this.values = values;
    this.variables = variables;
    this.connections = connections;
    this.project = project;
    this.files = files;
    this.expressions = expressions;
  }

  /** For task types that compile expressions of their own (the Expression task). */
  public ExpressionService expressions() {
    return expressions;
  }

  public String taskName() {
    return taskName;
  }

  public Variables variables() {
    return variables;
  }

  public Connections connections() {
    return connections;
  }

  public Project project() {
    return project;
  }

  public ProjectFiles projectFiles() {
    return files;
  }

  /**
   * The values of {@code keys} as written (absent ones left out), marking them read: for task types
   * that hand their settings to an engine of their own, as the Data Flow task does.
   */
  public Map<String, Object> values(Set<String> keys) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      Object v = raw(key);
      if (v != null) {
        result.put(key, v);
      }
    }
    return result;
  }

  public boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  /** A text setting, or null when absent; numbers and booleans are read as their text. */
  public String string(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      problem("'" + key + "' must be a single value");
      return null;
    }
    return String.valueOf(v);
  }

  public String requiredString(String key) {
    String v = string(key);
    if (v == null) {
      problem("'" + key + "' is required");
    }
    return v;
  }

  public int integer(String key, int defaultValue) {
    String v = string(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      problem("'" + key + "' must be a whole number, not '" + v + "'");
      return defaultValue;
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    String v = string(key);
    if (v == null) {
      return defaultValue;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    problem("'" + key + "' must be true or false, not '" + v + "'");
    return defaultValue;
  }

  /** One of {@code allowed} (compared ignoring case, returned as written in {@code allowed}). */
  public String oneOf(String key, String defaultValue, String... allowed) {
    String v = string(key);
    if (v == null) {
      return defaultValue;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v.trim())) {
        return a;
      }
    }
    problem("'" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    return defaultValue;
  }

  /** A list setting; a single value is read as a list of one. */
  public List<Object> list(String key) {
    Object v = raw(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return List.of(v);
  }

  /** A list of maps such as parameter bindings; items that are not maps are reported. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> maps(String key) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object item : list(key)) {
      if (item instanceof Map<?, ?> m) {
        result.add((Map<String, Object>) m);
      } else {
        problem("each item of '" + key + "' must be a mapping with named settings");
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object v = raw(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    problem("'" + key + "' must be a mapping of names to values");
    return Map.of();
  }

  /**
   * The settings of a nested mapping such as a Foreach Loop's {@code enumerator}; its problems are
   * reported with this task's.
   */
  public TaskSettings nested(String key) {
    return new TaskSettings(
        taskName, map(key), variables, connections, project, files, expressions, problems);
  }

  /** Checks that a variable exists (and can be assigned when {@code written}). */
  public String variable(String name, boolean written, String usedFor) {
    if (name == null) {
      return null;
    }
    try {
      Variable v = variables.require(name);
      if (written && v.readOnly()) {
        problem(usedFor + ": variable " + v.qualifiedName() + " is read-only");
      }
      return v.qualifiedName();
    } catch (VariableException e) {
      problem(usedFor + ": " + e.getMessage());
      return name;
    }
  }

  /** Checks that a connection manager exists and is of one of {@code types}. */
  public String connection(String name, String... types) {
    if (name == null) {
      return null;
    }
    connections
        .problemWith(name, types)
        .ifPresent(
            why ->
                problem(
                    why
                        + " (connections: "
                        + String.join(", ", new TreeSet<>(connections.names()))
                        + ")"));
    return name;
  }

  public void problem(String message) {
    problems.add(message);
  }

  /** For placeholders that refuse every setting already. */
  public void ignoreUnknown() {
    ignoreUnknown = true;
  }

  /** Problems found so far, plus settings the task type never read. */
  public List<String> problems(String typeName, Set<String> alsoKnown) {
    List<String> result = new ArrayList<>(problems);
    if (!ignoreUnknown) {
      for (String key : values.keySet()) {
        if (!read.contains(key) && !alsoKnown.contains(key)) {
          Set<String> known = new TreeSet<>(read);
          result.add(
              "unknown setting '"
                  + key
                  + "' for "
                  + Articles.a(typeName)
                  + " task"
                  + (known.isEmpty() ? "" : "; known settings: " + String.join(", ", known)));
        }
      }
    }
    return result;
  }

  private Object raw(String key) {
    read.add(key);
    return values.get(key);
  }
}
