package io.sluice.engine.runtime.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a run's JDBC connections come from: the drivers of the project's {@code lib/} jars first,
 * then the drivers on Sluice's own class path (PostgreSQL is bundled).
 */
@FunctionalInterface
public interface JdbcDrivers {

  /** Opens a connection with the first driver that accepts {@code url}. */
  Connection connect(String url, Properties info) throws SQLException;

  /** Only the drivers on Sluice's class path: what a project without {@code lib/} gets. */
  static JdbcDrivers classPath() {
    return DriverManager::getConnection;
  }

  /**
   * The drivers of the project whose package runs on this thread: its task loader is the thread's
   * context class loader. For code that is handed no {@link JdbcDrivers}, such as a data flow
   * embedded through {@code SimpleDataFlowEnvironment}.
   */
  static JdbcDrivers ofCurrentThread() {
    return Thread.currentThread().getContextClassLoader() instanceof ProjectClassLoader project
        ? project::connect
        : classPath();
  }
}
