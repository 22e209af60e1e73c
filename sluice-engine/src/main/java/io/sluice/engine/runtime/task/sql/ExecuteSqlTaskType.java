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
    String statementVariable = settings.string("statementVariable");
    int sources = (statement == null ? 0 : 1) + (file == null ? 0 : 1);
    sources += statementVariable == null ? 0 : 1;
    if (sources != 1) {
      settings.problem(
          "give exactly one of 'statement' (the SQL), 'file' (a .sql file of the project) or"
              + " 'statementVariable' (a variable holding the SQL)");
    } else if (statementVariable != null) {
      statementVariable = settings.variable(statementVariable, false, "statementVariable");
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
      if (!List.of("input", "output", "returnvalue").contains(direction)) {
        settings.problem(
            "parameter direction must be input, output or returnValue, not '" + direction + "'");
        continue;
      }
      // a return value is an output parameter of {? = call f(?)}: JDBC binds both alike
      boolean output = !direction.equals("input");
      settings.string("type"); // documentation for readers; JDBC infers types from the values
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
    for (Map.Entry<String, Object> b : settings.map("results").entrySet()) {
      String variable = text(b.getValue());
      bindings.add(
          new ResultBinding(b.getKey(), settings.variable(variable, true, "result " + b.getKey())));
    }
    if (mode == ResultSetMode.NONE && !bindings.isEmpty()) {
      settings.problem("'results' need 'resultSet: singleRow' or 'fullResultSet'");
    }
    if (mode == ResultSetMode.FULL && bindings.size() != 1) {
      settings.problem(
          "a full result set goes into exactly one Object variable: results: {0: User::Rows}");
    }
    if (mode == ResultSetMode.SINGLE_ROW && bindings.isEmpty()) {
      settings.problem(
          "'resultSet: singleRow' needs 'results' (column name or 0-based index: variable)");
    }
    int timeout = settings.integer("timeout", 0);
    return new ExecuteSqlTask(
        connection,
        statement,
        statementVariable,
        List.copyOf(parameters),
        mode,
        List.copyOf(bindings),
        timeout);
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
   * @param column a column name, or a 0-based index as text (the result name for a full set)
   */
  record ResultBinding(String column, String variable) {}
}
