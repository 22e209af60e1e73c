package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.context.Connections;
import io.sluice.api.text.Articles;
import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.runtime.variable.Variables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's connection managers as a plugin sees them. What plugin connection types acquire is kept
 * until {@link #close()}, when the task ends.
 */
final class PluginConnections implements Connections, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginConnections.class);

  private final io.sluice.engine.runtime.connection.Connections connections;
  private final Variables scope;
  private final Map<String, ConnectionPlugin> types;
  private final Map<String, Object> acquired = new LinkedHashMap<>();

  PluginConnections(
      io.sluice.engine.runtime.connection.Connections connections,
      Variables scope,
      Map<String, ConnectionPlugin> types) {
    this.connections = connections;
    this.scope = scope;
    this.types = types;
  }

  @Override
  public Set<String> names() {
    return connections.names();
  }

  @Override
  public String type(String name) {
    return definition(name).type();
  }

  private ConnectionDefinition definition(String name) {
    return connections
        .find(name)
        .orElseThrow(
            () ->
                new PluginException(
                    "connection '" + name + "' does not exist; connections: " + names()));
  }

  @Override
  public Connection openJdbc(String name) throws SQLException {
    definition(name);
    return connections.openJdbc(name, scope);
  }

  @Override
  public Path path(String name) {
    definition(name);
    try {
      return connections.path(name, scope);
    } catch (IllegalArgumentException e) {
      throw new PluginException(e.getMessage());
    }
  }

  @Override
  public Map<String, Object> settings(String name) {
    definition(name);
    return connections.settings(name, scope);
  }

  @Override
  public synchronized <T> T acquire(String name, Class<T> type) {
    ConnectionDefinition d = definition(name);
    Object made = acquired.get(d.name());
    if (made == null) {
      ConnectionPlugin plugin = types.get(d.type().toLowerCase(java.util.Locale.ROOT));
      if (plugin == null) {
        throw new PluginException(
            "connection '"
                + name
                + "' is "
                + Articles.a(d.type())
                + " connection, not of a plugin type",
            "use openJdbc or path for built-in connection types");
      }
      Map<String, Object> settings = connections.settings(name, scope);
      try {
        made =
            plugin.acquire(
                new PluginSettingValues(
                    settings,
                    plugin.settings().settings().stream()
                        .map(s -> s.name())
                        .collect(Collectors.toSet())));
      } catch (PluginException e) {
        throw e;
      } catch (Exception e) {
        throw new PluginException(
            "connection '" + name + "' (" + d.type() + ") cannot be acquired: " + e.getMessage(),
            null,
            e);
      }
      acquired.put(d.name(), made);
    }
    if (!type.isInstance(made)) {
      throw new PluginException(
          "connection '"
              + name
              + "' gives a "
              + made.getClass().getName()
              + ", not a "
              + type.getName());
    }
    return type.cast(made);
  }

  @Override
  public synchronized void close() {
    for (Map.Entry<String, Object> e : List.copyOf(acquired.entrySet())) {
      ConnectionDefinition d = connections.find(e.getKey()).orElseThrow();
      try {
        types.get(d.type().toLowerCase(java.util.Locale.ROOT)).release(e.getValue());
      } catch (Exception ex) {
        log.warn("cannot release connection '{}': {}", e.getKey(), ex.toString());
      }
    }
    acquired.clear();
  }
}
