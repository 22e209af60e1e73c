package io.sluice.engine.runtime.variable;

import java.util.List;

/**
 * A full result set held in an Object variable (SSIS's ADO recordset): what an Execute SQL task
 * with {@code resultSet: fullResultSet} stores, and what a Foreach Loop with the {@code variable}
 * enumerator walks row by row.
 */
public record RowSet(List<String> columns, List<List<Object>> rows) {

  public RowSet {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }
}
