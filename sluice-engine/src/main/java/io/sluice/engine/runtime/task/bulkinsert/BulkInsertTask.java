package io.sluice.engine.runtime.task.bulkinsert;

import io.sluice.api.task.TaskContext;
import io.sluice.engine.dataflow.destination.jdbc.TableColumns;
import io.sluice.engine.dataflow.jdbc.TableName;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** One run of a Bulk Insert task. */
final class BulkInsertTask {

  private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");
  private static final int FLUSH_CHARS = 1 << 16;

  private final BulkInsertOptions options;

  /** The table as the database knows it (an unquoted Payments is payments in PostgreSQL). */
  private TableName found;

  BulkInsertTask(BulkInsertOptions options) {
    this.options = options;
  }

  void execute(TaskContext context) throws Exception {
    if (!Files.isRegularFile(options.file())) {
      throw new NoSuchFileException(
          options.file().toString(),
          null,
          "the data file does not exist or is not a file; check the task's 'source' or the path of"
              + " its file connection");
    }
    try (Connection connection = context.connections().openJdbc(options.connection())) {
      if (!connection.isWrapperFor(PGConnection.class)) {
        throw new IllegalArgumentException(
            "connection '"
                + options.connection()
                + "' is "
                + connection.getMetaData().getDatabaseProductName()
                + ", not PostgreSQL: Bulk Insert loads through PostgreSQL's COPY; use a"
                + " DataFlow with a FlatFileSource and a JdbcDestination for other databases");
      }
      TableColumns.Found table;
      try {
        table = TableColumns.of(connection, TableName.parse(unbracket(options.table())));
      } catch (PlanningException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      found = table.table();
      List<String> columns = new ArrayList<>();
      boolean[] skipped = new boolean[table.columns().size()];
      Set<String> identity = options.keepIdentity() ? Set.of() : identityColumns(connection, table);
      for (int i = 0; i < skipped.length; i++) {
        String name = table.columns().get(i).name();
        skipped[i] = identity.contains(name);
        if (!skipped[i]) {
          columns.add(TableName.quote(name));
        }
      }
      String sql =
          "COPY "
              + table.table().quoted()
              + " ("
              + String.join(", ", columns)
              + ") FROM STDIN (FORMAT text)";
      connection.setAutoCommit(false);
      try {
        long rows = load(context, connection, sql, skipped);
        connection.commit();
        context
            .events()
            .information(rows + " row(s) loaded into " + table.table() + " from " + options.file());
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private long load(TaskContext context, Connection connection, String sql, boolean[] skipped)
      throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    lockIfAsked(connection);
    long fileRow = 0;
    long loaded = 0;
    long batchStart = options.firstRow();
    long inBatch = 0;
    CopyIn in = null;
    StringBuilder text = new StringBuilder();
    var decoder =
        options
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader =
        new java.io.InputStreamReader(Files.newInputStream(options.file()), decoder)) {
      CopyText rows =
          new CopyText(reader, options.rowTerminator(), options.fieldTerminator(), skipped);
      String row;
      while ((row = rows.nextRow()) != null) {
        fileRow++;
        if (fileRow < options.firstRow()) {
          continue;
        }
        if (options.lastRow() > 0 && fileRow > options.lastRow()) {
          break;
        }
        if (fileRow == options.firstRow() && !options.rowTerminator().contains("\n")) {
          if (row.indexOf('\n') >= 0) {
            context
                .events()
                .warning(
                    "row "
                        + fileRow
                        + " holds a line feed: if the file's rows end with a line feed alone,"
                        + " set rowTerminator: '{LF}'");
          }
        }
        if (in == null) {
          in = copy.copyIn(sql);
          batchStart = fileRow;
        }
        rows.encode(row, text);
        inBatch++;
        if (text.length() >= FLUSH_CHARS) {
          write(in, text, batchStart);
        }
        if (options.batchSize() > 0 && inBatch == options.batchSize()) {
          loaded += end(in, text, batchStart);
          in = null;
          inBatch = 0;
          connection.commit();
          lockIfAsked(connection);
          context.cancellation().check();
        }
      }
      if (in != null) {
        loaded += end(in, text, batchStart);
        in = null;
      }
    } finally {
      if (in != null && in.isActive()) {
        in.cancelCopy();
      }
    }
    return loaded;
  }

  private static void write(CopyIn in, StringBuilder text, long batchStart) throws SQLException {
    byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    text.setLength(0);
    try {
      in.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw refused(e, batchStart);
    }
  }

  private static long end(CopyIn in, StringBuilder text, long batchStart) throws SQLException {
    write(in, text, batchStart);
    try {
      return in.endCopy();
    } catch (SQLException e) {
      throw refused(e, batchStart);
    }
  }

  /** The database's reason, with COPY's line number turned into the data file's row number. */
  private static SQLException refused(SQLException e, long batchStart) {
    String where =
        e instanceof PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getWhere()
            : null;
    String reason =
        e instanceof PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getMessage()
            : e.getMessage();
    if (where != null) {
      Matcher m = COPY_LINE.matcher(where);
      if (m.find()) {
        long row = batchStart + Long.parseLong(m.group(1)) - 1;
        return new SQLException("row " + row + " of the data file: " + reason, e);
      }
    }
    return new SQLException(reason, e);
  }

  private void lockIfAsked(Connection connection) throws SQLException {
    if (options.tableLock()) {
      try (Statement s = connection.createStatement()) {
        s.execute("LOCK TABLE " + found.quoted() + " IN SHARE ROW EXCLUSIVE MODE");
      }
    }
  }

  /**
   * Identity columns: without keepIdentity the database numbers the rows and the file's values are
   * left out, as BULK INSERT does without KEEPIDENTITY.
   */
  private static Set<String> identityColumns(Connection connection, TableColumns.Found table)
      throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0"
                + " AND NOT attisdropped AND (attidentity <> '' OR pg_get_serial_sequence(?,"
                + " attname) IS NOT NULL)")) {
      s.setString(1, table.table().quoted());
      s.setString(2, table.table().quoted());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** SQL Server's [dbo].[Rates] as dbo.Rates. */
  static String unbracket(String name) {
    return java.util.Arrays.stream(name.trim().split("\\."))
        .map(p -> p.replaceAll("^\\[(.*)]$", "$1").replaceAll("^\"(.*)\"$", "$1"))
        .collect(Collectors.joining("."));
  }
}
