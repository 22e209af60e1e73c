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
    boolean binary = !load.binaryFields().isEmpty();
    String sql =
        "COPY "
            + load.table().quoted()
            + " ("
            + JdbcDestination.columnList(load)
            + ") FROM STDIN"
            + (binary ? " (FORMAT binary)" : "");
    RowEncoder encoder = binary ? new BinaryRows(load) : new TextRows(load);
    CopyIn copy = start(copyManager, sql, encoder);
    long rows = 0;
    long inTransaction = 0;
    try {
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        encoder.encode(buffer);
        copy.writeToCopy(encoder.bytes(), 0, encoder.length());
        rows += buffer.size();
        inTransaction += buffer.size();
        if (load.commitSize() > 0 && inTransaction >= load.commitSize()) {
          end(copy, encoder);
          connection.commit();
          relock.apply(connection);
          copy = start(copyManager, sql, encoder);
          inTransaction = 0;
        }
      }
      end(copy, encoder);
      return rows;
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static CopyIn start(CopyManager copyManager, String sql, RowEncoder encoder)
      throws SQLException {
    CopyIn copy = copyManager.copyIn(sql);
    byte[] header = encoder.header();
    copy.writeToCopy(header, 0, header.length);
    return copy;
  }

  private static void end(CopyIn copy, RowEncoder encoder) throws SQLException {
    byte[] trailer = encoder.trailer();
    copy.writeToCopy(trailer, 0, trailer.length);
    copy.endCopy();
  }

  /** A buffer's rows as COPY data. */
  private interface RowEncoder {
    void encode(Buffer buffer);

    byte[] bytes();

    int length();

    default byte[] header() {
      return new byte[0];
    }

    default byte[] trailer() {
      return new byte[0];
    }
  }

  private static final class BinaryRows implements RowEncoder {
    private final BinaryCopyEncoder encoder = new BinaryCopyEncoder();
    private final int[] columns;
    private final BinaryCopyEncoder.Field[] fields;

    BinaryRows(JdbcDestinationType.Load load) {
      this.columns = load.inputColumns();
      this.fields = load.binaryFields().toArray(new BinaryCopyEncoder.Field[0]);
    }

    @Override
    public void encode(Buffer buffer) {
      encoder.reset();
      Object[][] data = buffer.columns();
      for (int i = 0; i < buffer.size(); i++) {
        int r = buffer.row(i);
        encoder.startRow(columns.length);
        for (int c = 0; c < columns.length; c++) {
          encoder.value(fields[c], data[columns[c]][r]);
        }
      }
    }

    @Override
    public byte[] bytes() {
      return encoder.bytes();
    }

    @Override
    public int length() {
      return encoder.length();
    }

    @Override
    public byte[] header() {
      return BinaryCopyEncoder.HEADER;
    }

    @Override
    public byte[] trailer() {
      return BinaryCopyEncoder.TRAILER;
    }
  }

  private static final class TextRows implements RowEncoder {
    private final CopyTextEncoder encoder = new CopyTextEncoder();
    private final int[] columns;

    TextRows(JdbcDestinationType.Load load) {
      this.columns = load.inputColumns();
    }

    @Override
    public void encode(Buffer buffer) {
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
    }

    @Override
    public byte[] bytes() {
      return encoder.bytes();
    }

    @Override
    public int length() {
      return encoder.length();
    }
  }
}
