package io.sluice.ssis.convert.dataflow;

/**
 * The one place where the SQL of a source or lookup goes into the converted flow. It is kept as
 * written: the T-SQL check and rewrite for PostgreSQL ({@code --sql-dialect}) hooks in here.
 */
final class SqlText {

  private SqlText() {}

  static String kept(String sql, SsisComponent c, FlowContext f) {
    return sql;
  }
}
