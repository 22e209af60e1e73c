package io.sluice.engine.dataflow.transform.command;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs the command over each buffer in batches, one transaction per batch, and passes the buffer on
 * without the rows redirected to {@code Error}.
 */
final class JdbcCommand implements ComponentRuntime {

  private static final int OUTPUT = 0;
  private static final int ERROR_OUTPUT = 1;

  private final JdbcCommandType.Command command;

  JdbcCommand(JdbcCommandType.Command command) {
    this.command = command;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    RowErrors errors = new RowErrors(ERROR_OUTPUT);
    long rows = 0;
    long refused = 0;
    try (Connection connection = command.connector().open();
        PreparedStatement statement = connection.prepareStatement(command.statement())) {
      connection.setAutoCommit(false);
      if (command.timeoutSeconds() > 0) {
        statement.setQueryTimeout(command.timeoutSeconds());
      }
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        errors.begin();
        for (int from = 0; from < buffer.size(); from += command.batchSize()) {
          io.checkCancelled();
          int to = Math.min(buffer.size(), from + command.batchSize());
          refused += runBatch(connection, statement, buffer, from, to, rows, errors);
        }
        rows += buffer.size();
        errors.send(io, buffer, buffer, OUTPUT);
      }
    }
    io.information(
        rows + " rows ran the command" + (refused == 0 ? "." : ", " + refused + " refused."));
  }

  /**
   * Runs rows {@code from}..{@code to} of the buffer as one batch and commits it.
   *
   * @return the number of rows the database refused (ignored or redirected)
   */
  private int runBatch(
      Connection connection,
      PreparedStatement statement,
      Buffer buffer,
      int from,
      int to,
      long rowsBefore,
      RowErrors errors)
      throws SQLException {
    try {
      for (int i = from; i < to; i++) {
        bind(statement, buffer, buffer.row(i));
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
      return 0;
    } catch (SQLException e) {
      statement.clearBatch();
      connection.rollback();
      if (command.onError() == ErrorDisposition.FAIL) {
        throw refusedRow(connection, statement, buffer, from, to, rowsBefore, e);
      }
      return rowByRow(connection, statement, buffer, from, to, errors);
    }
  }

  /** The refused batch again, one row at a time, each under a savepoint, to find the bad rows. */
  private int rowByRow(
      Connection connection,
      PreparedStatement statement,
      Buffer buffer,
      int from,
      int to,
      RowErrors errors)
      throws SQLException {
    int refused = 0;
    for (int i = from; i < to; i++) {
      int r = buffer.row(i);
      Savepoint savepoint = connection.setSavepoint();
      try {
        bind(statement, buffer, r);
        statement.executeUpdate();
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        connection.rollback(savepoint);
        refused++;
        errors.handle(
            buffer,
            r,
            command.onError(),
            ErrorCodes.DESTINATION_REJECTED,
            null,
            new RuntimeException(e.getMessage()));
      }
    }
    connection.commit();
    return refused;
  }

  private void bind(PreparedStatement statement, Buffer buffer, int row) throws SQLException {
    int[] columns = command.parameterColumns();
    for (int p = 0; p < columns.length; p++) {
      statement.setObject(p + 1, JdbcTypes.bindable(buffer.value(columns[p], row)));
    }
  }

  /**
   * The failure naming the first row of the refused (and rolled back) batch that the database
   * refuses. PostgreSQL's driver marks every entry of a refused batch as failed, so the batch's
   * counts cannot tell which row it was: the rows are tried again one at a time, each under a
   * savepoint, until one is refused; then all of them are rolled back.
   */
  private SQLException refusedRow(
      Connection connection,
      PreparedStatement statement,
      Buffer buffer,
      int from,
      int to,
      long rowsBefore,
      SQLException batchFailure)
      throws SQLException {
    try {
      for (int i = from; i < to; i++) {
        Savepoint savepoint = connection.setSavepoint();
        try {
          bind(statement, buffer, buffer.row(i));
          statement.executeUpdate();
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          connection.rollback(savepoint);
          return new SQLException("input row " + (rowsBefore + i + 1) + ": " + cause(e), e);
        }
      }
    } finally {
      connection.rollback();
    }
    // every row passed alone (the batch failed for a reason of the batch): name its first row
    return new SQLException(
        "input row " + (rowsBefore + from + 1) + ": " + cause(batchFailure), batchFailure);
  }

  /**
   * A batch's own message repeats the statement and its values ("Batch entry 3 insert ... was
   * aborted"); the database's reason alone is the next exception.
   */
  private static String cause(SQLException e) {
    SQLException next = e.getNextException();
    return next != null ? next.getMessage() : e.getMessage();
  }
}
