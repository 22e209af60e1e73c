package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.context.Connections;
import io.sluice.engine.dataflow.DataFlowEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Connections as a data-flow component sees them: JDBC connections and file paths, through the same
 * environment built-in components use. Settings and plugin connection types are offered to tasks
 * only for now.
 */
final class FlowConnections implements Connections {

  private final DataFlowEnvironment environment;

  FlowConnections(DataFlowEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Set<String> names() {
    throw unsupported("names()");
  }

  @Override
  public String type(String name) {
    throw unsupported("type()");
  }

  @Override
  public Connection openJdbc(String name) throws SQLException {
    return environment
        .jdbc(name)
        .orElseThrow(
            () -> new PluginException("connection '" + name + "' is not a jdbc connection"))
        .open();
  }

  @Override
  public Path path(String name) {
    return environment
        .file(name)
        .orElseThrow(
            () -> new PluginException("connection '" + name + "' is not a file connection"));
  }

  @Override
  public Map<String, Object> settings(String name) {
    throw unsupported("settings()");
  }

  @Override
  public <T> T acquire(String name, Class<T> type) {
    throw unsupported("acquire()");
  }

  private static PluginException unsupported(String what) {
    return new PluginException(
        "connections." + what + " is not available to data-flow components yet",
        "use openJdbc or path, or do the work in a task");
  }
}
