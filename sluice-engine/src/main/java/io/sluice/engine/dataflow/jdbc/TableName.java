package io.sluice.engine.dataflow.jdbc;

import io.sluice.engine.dataflow.pipeline.PlanningException;

/**
 * A table written as {@code table} or {@code schema.table}. Identifiers are quoted when put into
 * SQL (doubling quotes), so a name is never able to change the statement.
 */
public record TableName(String schema, String table) {

  public static TableName parse(String text) {
    String[] parts = text.trim().split("\\.");
    if (parts.length == 1) {
      return new TableName(null, parts[0]);
    }
    if (parts.length == 2) {
      return new TableName(parts[0], parts[1]);
    }
    throw new PlanningException("table '" + text + "' must be written table or schema.table");
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public String quoted() {
    return schema == null ? quote(table) : quote(schema) + "." + quote(table);
  }

  @Override
  public String toString() {
    return schema == null ? table : schema + "." + table;
  }
}
