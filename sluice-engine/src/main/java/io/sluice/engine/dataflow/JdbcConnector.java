package io.sluice.engine.dataflow;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection of a connection manager; the caller closes it. */
@FunctionalInterface
public interface JdbcConnector {

  Connection open() throws SQLException;
}
