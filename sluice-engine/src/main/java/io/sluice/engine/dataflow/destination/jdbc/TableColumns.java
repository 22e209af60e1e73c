package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.dataflow.jdbc.TableName;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Reads a table's column names from the database's metadata, to check mappings up front. */
public final class TableColumns {

  private TableColumns() {}

  /** Tries the name as written, then folded to lower and upper case (unquoted SQL names). */
  /** A column with its database type name, e.g. {@code int8}, {@code numeric}, {@code varchar}. */
  public record TableColumn(String name, String typeName) {}

  /** A table as the database knows it: its name in the case found, and its columns. */
  public record Found(TableName table, List<TableColumn> columns) {}

  public static Found of(Connection connection, TableName table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<UnaryOperator<String>> cases =
        List.of(s -> s, s -> s.toLowerCase(Locale.ROOT), s -> s.toUpperCase(Locale.ROOT));
    for (UnaryOperator<String> fold : cases) {
      String schema = table.schema() == null ? null : fold.apply(table.schema());
      List<TableColumn> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, schema, fold.apply(table.table()), null)) {
        while (rs.next()) {
          columns.add(new TableColumn(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME")));
        }
      }
      if (!columns.isEmpty()) {
        // Quoted in SQL later, so the load must name the table as it was found here: an unquoted
        // FactCurrency in PostgreSQL is factcurrency.
        return new Found(new TableName(schema, fold.apply(table.table())), columns);
      }
    }
    throw new PlanningException("table '" + table + "' does not exist (or has no columns)");
  }
}
