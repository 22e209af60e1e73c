package io.sluice.engine.dataflow.jdbc;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The typed columns a query returns, read from the driver's metadata without running it. */
public final class QueryColumns {

  private QueryColumns() {}

  public static List<Column> of(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      ResultSetMetaData meta = statement.getMetaData();
      if (meta == null) {
        throw new PlanningException(
            "the driver cannot describe the query's columns before running it: " + sql);
      }
      List<Column> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(
            new Column(
                meta.getColumnLabel(i),
                JdbcTypes.toDataType(
                    meta.getColumnType(i),
                    meta.getColumnTypeName(i),
                    meta.getPrecision(i),
                    meta.getScale(i))));
      }
      return columns;
    }
  }

  /** {@code SELECT * FROM table} for a table setting, quoting its name. */
  public static String selectAll(String table) {
    return "SELECT * FROM " + TableName.parse(table).quoted();
  }
}
