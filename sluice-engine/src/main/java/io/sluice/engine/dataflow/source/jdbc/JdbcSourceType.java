package io.sluice.engine.dataflow.source.jdbc;

import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.jdbc.QueryColumns;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowCursor;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.pipeline.SortKey;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.type.DataType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JdbcSource}: rows of a table or a query. Query parameters ({@code ?}) take the values of
 * SSIS expressions, e.g. {@code @[User::Since]}; rows stream with {@code fetchSize}.
 */
public final class JdbcSourceType extends SimpleComponentType {

  public JdbcSourceType() {
    super("JdbcSource", 0);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
            "connection", "query", "queryVariable", "table", "parameters", "fetchSize", "sortedBy")
        .withExpressions("parameters", null);
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    JdbcConnector connector = context.environment().requireJdbc(connectionName);
    RowSchema none = RowSchema.of(List.of());
    String sql =
        s.has("query")
            ? s.string("query")
            : s.has("queryVariable")
                ? queryOf(s.string("queryVariable"), context, none)
                : QueryColumns.selectAll(s.string("table"));
    List<Expression> parameters = new ArrayList<>();
    int n = 0;
    for (String p : s.strings("parameters")) {
      parameters.add(context.compile(p, none, "parameter " + (++n)));
    }
    List<Column> columns;
    try (Connection connection = connector.open()) {
      columns = QueryColumns.of(connection, sql);
    } catch (SQLException e) {
      throw new PlanningException("the query does not run: " + e.getMessage(), e);
    }
    int fetchSize = (int) s.number("fetchSize", context.bufferRows());
    DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", RowSchema.of(columns).withSortedBy(sortedBy(s, columns)))),
        io -> {
          try (Connection connection = connector.open()) {
            // PostgreSQL streams with a cursor only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setFetchSize(fetchSize);
              // Parameters were compiled with column slots; a cursor without rows reads variables.
              RowCursor variables =
                  new RowCursor(io.environment().variableValues(), io.environment().clock());
              for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(
                    i + 1, JdbcTypes.bindable(parameters.get(i).evaluate(variables)));
              }
              BufferBuilder out = new BufferBuilder(types.length, io.bufferRows());
              long rows = 0;
              try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                  Object[][] data = out.columns();
                  int r = out.rowIndex();
                  for (int c = 0; c < types.length; c++) {
                    data[c][r] = JdbcTypes.read(rs, c + 1, types[c]);
                  }
                  out.endRow();
                  rows++;
                  if (out.isFull()) {
                    io.checkCancelled();
                    io.send(0, out.take());
                  }
                }
              }
              if (!out.isEmpty()) {
                io.send(0, out.take());
              }
              io.information(rows + " rows read.");
            } finally {
              connection.rollback();
            }
          }
        });
  }

  /**
   * A query already in order (an ORDER BY) may say so, for Merge and Merge Join: SSIS's IsSorted
   * and SortKeyPosition on a source's output. Keys are column names, each optionally followed by
   * {@code desc}; the source does not check the order, as SSIS does not.
   */
  private static List<SortKey> sortedBy(Settings s, List<Column> columns) {
    RowSchema plain = RowSchema.of(columns);
    List<SortKey> keys = new ArrayList<>();
    for (String key : s.strings("sortedBy")) {
      String k = key.trim();
      boolean descending = k.toLowerCase(java.util.Locale.ROOT).endsWith(" desc");
      String name = descending ? k.substring(0, k.length() - 5).trim() : k;
      keys.add(new SortKey(plain.indexOf(name), descending));
    }
    return keys;
  }

  /**
   * The SQL a variable holds (SSIS's "SQL command from variable"), read when the flow is planned: a
   * Data Flow task plans each time it runs, so a loop that changes the variable runs each value.
   */
  private static String queryOf(String variable, PlanContext context, RowSchema none) {
    Expression e = context.compile("@[" + variable + "]", none, "queryVariable");
    Object value =
        e.evaluate(
            new RowCursor(context.environment().variableValues(), context.environment().clock()));
    if (!(value instanceof String sql) || sql.isBlank()) {
      throw new PlanningException(
          "variable " + variable + " holds no SQL (queryVariable); give it the query to run");
    }
    return sql;
  }
}
