package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL fast load: rows stream as COPY text, one buffer per write, so the server parses and
 * inserts while the pipeline prepares the next buffer.
 */
final class CopyLoader {

  private final JdbcDestinationType.Load load;
  private final Connection connection;
  private final JdbcDestination.Relock relock;

  CopyLoader(JdbcDestinationType.Load load, Connection connection, JdbcDestination.Relock relock) {
    this.load = load;
    this.connection = connection;
    this.relock = relock;
  }

  long load(ComponentIo io) throws SQLException, InterruptedException {
    CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    String sql =
        "COPY " + load.table().quoted() + " (" + JdbcDestination.columnList(load) + ") FROM STDIN";
    int[] columns = load.inputColumns();
    CopyTextEncoder encoder = new CopyTextEncoder();
    CopyIn copy = copyManager.copyIn(sql);
    long rows = 0;
    long inTransaction = 0;
    try {
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        encoder.reset();
        Object[][] data = buffer.columns();
        for (int i = 0; i < buffer.size(); i++) {
          int r = buffer.row(i);
          for (int c = 0; c < columns.length; c++) {
            if (c > 0) {
              encoder.separator();
            }
            encoder.value(data[columns[c]][r]);
          }
          encoder.endRow();
        }
        copy.writeToCopy(encoder.bytes(), 0, encoder.length());
        rows += buffer.size();
        inTransaction += buffer.size();
        if (load.commitSize() > 0 && inTransaction >= load.commitSize()) {
          copy.endCopy();
          connection.commit();
          relock.apply(connection);
          copy = copyManager.copyIn(sql);
          inTransaction = 0;
        }
      }
      copy.endCopy();
      return rows;
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
