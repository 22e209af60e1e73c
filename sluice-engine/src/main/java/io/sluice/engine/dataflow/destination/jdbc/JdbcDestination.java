package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.dataflow.jdbc.TableName;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/** Opens the connection and transaction, then loads with COPY or batched INSERTs. */
final class JdbcDestination implements ComponentRuntime {

  private final JdbcDestinationType.Load load;

  JdbcDestination(JdbcDestinationType.Load load) {
    this.load = load;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    try (Connection connection = load.connector().open()) {
      connection.setAutoCommit(false);
      try {
        lockIfAsked(connection);
        long rows =
            load.fastLoad()
                ? new CopyLoader(load, connection, this::lockIfAsked).load(io)
                : new BatchLoader(load, connection, this::lockIfAsked).load(io);
        connection.commit();
        io.information("\"" + load.table() + "\": " + rows + " rows written.");
      } catch (Exception e) {
        rollbackQuietly(connection);
        throw e;
      }
    }
  }

  /** Table lock: SSIS's TABLOCK, taken again by every transaction a commit size starts. */
  void lockIfAsked(Connection connection) throws SQLException {
    if (load.tableLock()) {
      try (Statement s = connection.createStatement()) {
        s.execute("LOCK TABLE " + load.table().quoted() + " IN SHARE ROW EXCLUSIVE MODE");
      }
    }
  }

  static String columnList(JdbcDestinationType.Load load) {
    return load.tableColumns().stream().map(TableName::quote).collect(Collectors.joining(", "));
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what matters
    }
  }

  /** Starts a new transaction's table lock after a commit. */
  @FunctionalInterface
  interface Relock {
    void apply(Connection connection) throws SQLException;
  }
}
