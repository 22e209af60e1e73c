package io.sluice.engine.runtime.task.sql;

import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Execute SQL: runs a statement (written in the task, or a {@code .sql} file of the project) on a
 * JDBC connection, with {@code ?} parameters bound to variables (input or output), and puts no
 * result, the first row, or the full result set into variables.
 */
public final class ExecuteSqlTaskType implements TaskType {

  @Override
  public String name() {
    return "ExecuteSql";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String connection = settings.connection(settings.requiredString("connection"), "jdbc");
    String statement = settings.string("statement");
    String file = settings.string("file");
    if (statement == null && file == null) {
      settings.problem("give 'statement' (the SQL) or 'file' (a .sql file of the project)");
    } else if (statement != null && file != null) {
      settings.problem("give either 'statement' or 'file', not both");
    } else if (file != null) {
      byte[] bytes = settings.projectFiles().get(file);
      if (bytes == null) {
        settings.problem("file '" + file + "' is not in the project");
      } else {
        statement = new String(bytes, StandardCharsets.UTF_8);
      }
    }
    List<SqlParameter> parameters = new ArrayList<>();
    for (Map<String, Object> p : settings.maps("parameters")) {
      String variable = text(p.get("variable"));
      String direction = text(p.getOrDefault("direction", "input")).toLowerCase();
      if (variable.isEmpty()) {
        settings.problem("each parameter needs 'variable' (and 'direction': input or output)");
        continue;
      }
      if (!direction.equals("input") && !direction.equals("output")) {
        settings.problem("parameter direction must be input or output, not '" + direction + "'");
        continue;
      }
      boolean output = direction.equals("output");
      parameters.add(
          new SqlParameter(settings.variable(variable, output, "parameter " + variable), output));
    }
    ResultSetMode mode =
        switch (settings.oneOf("resultSet", "none", "none", "singleRow", "fullResultSet")) {
          case "singleRow" -> ResultSetMode.SINGLE_ROW;
          case "fullResultSet" -> ResultSetMode.FULL;
          default -> ResultSetMode.NONE;
        };
    List<ResultBinding> bindings = new ArrayList<>();
    for (Map<String, Object> b : settings.maps("resultBindings")) {
      String variable = text(b.get("variable"));
      if (variable.isEmpty()) {
        settings.problem("each result binding needs 'variable'");
        continue;
      }
      Object column = b.get("column");
      bindings.add(
          new ResultBinding(
              column == null ? null : text(column),
              settings.variable(variable, true, "result binding " + variable)));
    }
    if (mode == ResultSetMode.NONE && !bindings.isEmpty()) {
      settings.problem("'resultBindings' need 'resultSet: singleRow' or 'fullResultSet'");
    }
    if (mode == ResultSetMode.FULL && bindings.size() != 1) {
      settings.problem(
          "a full result set goes into exactly one Object variable: resultBindings: [{variable:"
              + " User::Rows}]");
    }
    if (mode == ResultSetMode.SINGLE_ROW && bindings.isEmpty()) {
      settings.problem("'resultSet: singleRow' needs 'resultBindings' ({column, variable})");
    }
    int timeout = settings.integer("timeout", 0);
    return new ExecuteSqlTask(
        connection, statement, List.copyOf(parameters), mode, List.copyOf(bindings), timeout);
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o).trim();
  }

  enum ResultSetMode {
    NONE,
    SINGLE_ROW,
    FULL
  }

  /** A {@code ?} placeholder, in order, bound to a variable. */
  record SqlParameter(String variable, boolean output) {}

  /**
   * Where a result column goes.
   *
   * @param column a column name, or a 0-based index as text; null for the full result set
   */
  record ResultBinding(String column, String variable) {}
}
