package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Batched INSERTs for any JDBC database. When rows may be redirected or ignored, a refused batch is
 * rolled back to a savepoint and retried row by row to find the rows the database refuses.
 */
final class BatchLoader {

  private final JdbcDestinationType.Load load;
  private final Connection connection;
  private final JdbcDestination.Relock relock;

  BatchLoader(JdbcDestinationType.Load load, Connection connection, JdbcDestination.Relock relock) {
    this.load = load;
    this.connection = connection;
    this.relock = relock;
  }

  long load(ComponentIo io) throws SQLException, InterruptedException {
    int[] columns = load.inputColumns();
    String marks = "?" + ", ?".repeat(columns.length - 1);
    String sql =
        "INSERT INTO "
            + load.table().quoted()
            + " ("
            + JdbcDestination.columnList(load)
            + ") VALUES ("
            + marks
            + ")";
    RowErrors errors = new RowErrors(0);
    long rows = 0;
    long inTransaction = 0;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        errors.begin();
        for (int from = 0; from < buffer.size(); from += load.batchSize()) {
          int to = Math.min(buffer.size(), from + load.batchSize());
          rows += insertBatch(insert, buffer, from, to, errors);
        }
        errors.sendErrors(io, buffer);
        inTransaction += buffer.size();
        if (load.commitSize() > 0 && inTransaction >= load.commitSize()) {
          connection.commit();
          relock.apply(connection);
          inTransaction = 0;
        }
      }
    }
    return rows;
  }

  private int insertBatch(
      PreparedStatement insert, Buffer buffer, int from, int to, RowErrors errors)
      throws SQLException {
    boolean careful = load.onError() != ErrorDisposition.FAIL;
    Savepoint savepoint = careful ? connection.setSavepoint() : null;
    try {
      for (int i = from; i < to; i++) {
        bind(insert, buffer, buffer.row(i));
        insert.addBatch();
      }
      insert.executeBatch();
      return to - from;
    } catch (SQLException e) {
      if (!careful) {
        throw e.getNextException() != null ? e.getNextException() : e;
      }
      insert.clearBatch();
      connection.rollback(savepoint);
      return rowByRow(insert, buffer, from, to, errors);
    }
  }

  private int rowByRow(PreparedStatement insert, Buffer buffer, int from, int to, RowErrors errors)
      throws SQLException {
    int written = 0;
    for (int i = from; i < to; i++) {
      int r = buffer.row(i);
      Savepoint savepoint = connection.setSavepoint();
      try {
        bind(insert, buffer, r);
        insert.executeUpdate();
        written++;
      } catch (SQLException refused) {
        connection.rollback(savepoint);
        errors.handle(
            buffer,
            r,
            load.onError(),
            ErrorCodes.DESTINATION_REJECTED,
            null,
            new RuntimeException(refused.getMessage()));
      }
    }
    return written;
  }

  private void bind(PreparedStatement insert, Buffer buffer, int row) throws SQLException {
    int[] columns = load.inputColumns();
    for (int c = 0; c < columns.length; c++) {
      insert.setObject(c + 1, JdbcTypes.bindable(buffer.value(columns[c], row)));
    }
  }
}
