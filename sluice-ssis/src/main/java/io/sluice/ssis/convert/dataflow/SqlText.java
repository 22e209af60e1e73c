package io.sluice.ssis.convert.dataflow;

/**
 * The one place where the SQL of a source or lookup goes into the converted flow: kept as written,
 * then checked for PostgreSQL (and rewritten with {@code --sql-dialect postgresql}) by the same
 * T-SQL check as an Execute SQL task's statement, reported under the component's {@code
 * .Properties[SqlCommand]}.
 */
final class SqlText {

  private SqlText() {}

  static String kept(String sql, SsisComponent c, FlowContext f, String connection) {
    return f.host.sql(f.path(c) + ".Properties[SqlCommand]", connection, sql);
  }
}
