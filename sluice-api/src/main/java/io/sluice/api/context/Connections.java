package io.sluice.api.context;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/** The package's connection managers, by name (SSIS's {@code Dts.Connections}). */
public interface Connections {

  Set<String> names();

  /** The type written in the connection's {@code type:} (jdbc, flatFile, file or a plugin's). */
  String type(String name);

  /** A new JDBC connection of a {@code jdbc} connection manager; the caller closes it. */
  Connection openJdbc(String name) throws SQLException;

  /** The path of a {@code file} or {@code flatFile} connection manager. */
  Path path(String name);

  /** The connection's settings now, property expressions applied. */
  Map<String, Object> settings(String name);

  /**
   * What a plugin connection type ({@link io.sluice.api.connection.ConnectionPlugin}) makes of the
   * connection, e.g. a client object: made on the first call of a task execution, the same object
   * for later calls, released when the task ends. Tasks only in API 1.
   */
  <T> T acquire(String name, Class<T> type);
}
