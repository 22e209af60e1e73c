package io.sluice.engine.runtime.task.sql;

import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskContext;
import io.sluice.engine.runtime.task.sql.ExecuteSqlTaskType.ResultBinding;
import io.sluice.engine.runtime.task.sql.ExecuteSqlTaskType.ResultSetMode;
import io.sluice.engine.runtime.task.sql.ExecuteSqlTaskType.SqlParameter;
import io.sluice.engine.runtime.variable.RowSet;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** One Execute SQL task, ready to run. */
final class ExecuteSqlTask implements Task {

  private final String connection;
  private final String statement;
  private final String statementVariable;
  private final List<SqlParameter> parameters;
  private final ResultSetMode mode;
  private final List<ResultBinding> bindings;
  private final int timeoutSeconds;

  ExecuteSqlTask(
      String connection,
      String statement,
      String statementVariable,
      List<SqlParameter> parameters,
      ResultSetMode mode,
      List<ResultBinding> bindings,
      int timeoutSeconds) {
    this.connection = connection;
    this.statement = statement;
    this.statementVariable = statementVariable;
    this.parameters = parameters;
    this.mode = mode;
    this.bindings = bindings;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public void execute(TaskContext context) throws Exception {
    Variables variables = context.variables();
    boolean hasOutput = parameters.stream().anyMatch(SqlParameter::output);
    String sql =
        statementVariable == null ? statement : String.valueOf(variables.get(statementVariable));
    try (Connection c = context.connections().openJdbc(connection, variables);
        PreparedStatement s = hasOutput ? c.prepareCall(sql) : c.prepareStatement(sql);
        CancellationToken.Registration onCancel =
            context.cancellation().onCancel(() -> cancel(s))) {
      if (timeoutSeconds > 0) {
        s.setQueryTimeout(timeoutSeconds);
      }
      for (int i = 0; i < parameters.size(); i++) {
        SqlParameter p = parameters.get(i);
        var variable = variables.require(p.variable());
        if (p.output()) {
          ((CallableStatement) s).registerOutParameter(i + 1, sqlType(variable.type()));
        } else {
          s.setObject(i + 1, toJdbc(variables.valueOf(variable)));
        }
      }
      boolean isResultSet = s.execute();
      List<Integer> counts = new ArrayList<>();
      boolean read = false;
      // a batch returns one result per statement: update counts and result sets, in order; the
      // first result set is the task's (SSIS takes the first table), the counts are reported
      while (isResultSet || s.getUpdateCount() != -1) {
        counts.add(isResultSet ? null : s.getUpdateCount());
        if (isResultSet && mode != ResultSetMode.NONE && !read) {
          try (ResultSet rs = s.getResultSet()) {
            if (mode == ResultSetMode.SINGLE_ROW) {
              singleRow(rs, variables);
            } else {
              variables.set(bindings.get(0).variable(), fullResultSet(rs));
            }
          }
          read = true;
        }
        isResultSet = s.getMoreResults();
      }
      if (mode != ResultSetMode.NONE && !read) {
        throw new SQLException("the statement returned no result set; use resultSet: none");
      }
      reportCounts(context, counts);
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).output()) {
          variables.set(
              parameters.get(i).variable(), fromJdbc(((CallableStatement) s).getObject(i + 1)));
        }
      }
    }
  }

  /**
   * One message per statement of a batch that changed rows or ran DDL ("statement 2 of 3: 5 row(s)
   * affected"; a statement that returned rows has no count), one plain message for a single one.
   *
   * @param counts each statement's update count, null for one that returned a result set
   */
  private static void reportCounts(TaskContext context, List<Integer> counts) {
    if (counts.size() == 1) {
      if (counts.get(0) != null) {
        context.information(counts.get(0) + " row(s) affected");
      }
      return;
    }
    for (int i = 0; i < counts.size(); i++) {
      if (counts.get(i) == null) {
        continue;
      }
      context.information(
          "statement "
              + (i + 1)
              + " of "
              + counts.size()
              + ": "
              + counts.get(i)
              + " row(s) affected");
    }
  }

  private void singleRow(ResultSet rs, Variables variables) throws SQLException {
    if (!rs.next()) {
      throw new SQLException("the statement returned no row; a single-row result needs one");
    }
    for (ResultBinding b : bindings) {
      Object value;
      if (b.column() != null && b.column().chars().allMatch(Character::isDigit)) {
        value = rs.getObject(Integer.parseInt(b.column()) + 1);
      } else {
        value = rs.getObject(column(rs, b));
      }
      variables.set(b.variable(), fromJdbc(value));
    }
  }

  private static int column(ResultSet rs, ResultBinding b) throws SQLException {
    try {
      return rs.findColumn(b.column());
    } catch (SQLException e) {
      throw new SQLException(
          "the result has no column '" + b.column() + "' for variable " + b.variable(), e);
    }
  }

  private static RowSet fullResultSet(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        row.add(fromJdbc(rs.getObject(i)));
      }
      rows.add(java.util.Collections.unmodifiableList(row));
    }
    return new RowSet(columns, rows);
  }

  private static void cancel(PreparedStatement s) {
    try {
      s.cancel();
    } catch (SQLException ignored) {
      // the statement may have finished in the meantime; closing it ends it anyway
    }
  }

  private static Object toJdbc(Object value) {
    return value instanceof BigInteger b ? new BigDecimal(b) : value;
  }

  /** JDBC's date-time classes become java.time values, as variables hold them. */
  static Object fromJdbc(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    return value;
  }

  private static int sqlType(VariableType type) {
    return switch (type) {
      case BOOLEAN -> Types.BOOLEAN;
      case INT16, BYTE, SBYTE -> Types.SMALLINT;
      case INT32 -> Types.INTEGER;
      case INT64, UINT32 -> Types.BIGINT;
      case DECIMAL, UINT64 -> Types.NUMERIC;
      case DOUBLE -> Types.DOUBLE;
      case SINGLE -> Types.REAL;
      case DATE_TIME -> Types.TIMESTAMP;
      case STRING, CHAR -> Types.VARCHAR;
      default -> Types.OTHER;
    };
  }
}
