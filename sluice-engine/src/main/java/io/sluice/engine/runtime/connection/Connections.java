package io.sluice.engine.runtime.connection;

import io.sluice.api.text.Articles;
import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.runtime.expression.CompiledExpression;
import io.sluice.engine.runtime.expression.ExpressionError;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.library.JdbcDrivers;
import io.sluice.engine.runtime.variable.Variables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The connection managers of a run (the project's and the package's). Settings computed by property
 * expressions are evaluated each time a connection is used, so a password taken from a sensitive
 * parameter or a file path built from a loop variable is always current.
 */
public final class Connections {

  private final Map<String, ConnectionDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, Map<String, CompiledExpression>> expressions = new LinkedHashMap<>();
  private final JdbcDrivers drivers;
  private final Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param drivers the run's drivers: its project's {@code lib/} jars, then Sluice's class path
   */
  public Connections(List<ConnectionDefinition> definitions, JdbcDrivers drivers) {
    this.drivers = drivers;
    for (ConnectionDefinition d : definitions) {
      this.definitions.put(key(d.name()), d);
    }
  }

  public Set<String> names() {
    Set<String> names = new java.util.TreeSet<>();
    definitions.values().forEach(d -> names.add(d.name()));
    return names;
  }

  public Optional<ConnectionDefinition> find(String name) {
    return Optional.ofNullable(definitions.get(key(name)));
  }

  /**
   * Compiles every property expression and checks each connection's settings; returns the problems,
   * each naming the connection. Called once at validation.
   */
  public List<String> validate(ExpressionService service, Variables scope) {
    List<String> problems = new ArrayList<>();
    for (ConnectionDefinition d : definitions.values()) {
      String where = "connection '" + d.name() + "' (" + d.location() + ")";
      Map<String, CompiledExpression> compiled = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : d.expressions().entrySet()) {
        try {
          compiled.put(
              e.getKey(),
              ConnectionDefinition.isSensitiveSetting(d.type(), e.getKey())
                  ? service.compileSensitive(e.getValue(), scope)
                  : service.compile(e.getValue(), scope));
        } catch (ExpressionError error) {
          problems.add(where + ": expression for '" + e.getKey() + "': " + error.describe());
        }
      }
      expressions.put(key(d.name()), compiled);
      // the project parser checks the settings' names; here: what the engine cannot do without
      String required = requiredSetting(d.type());
      if (required != null
          && !d.properties().containsKey(required)
          && !d.expressions().containsKey(required)) {
        problems.add(
            where + ": '" + required + "' is required for " + Articles.a(d.type()) + " connection");
      }
    }
    return problems;
  }

  /** Why {@code name} cannot be used where a connection of {@code types} is expected, if so. */
  public Optional<String> problemWith(String name, String... types) {
    ConnectionDefinition d = definitions.get(key(name));
    if (d == null) {
      return Optional.of("connection '" + name + "' does not exist");
    }
    if (types.length > 0 && Arrays.stream(types).noneMatch(t -> t.equals(d.type()))) {
      return Optional.of(
          "connection '"
              + name
              + "' is a "
              + d.type()
              + " connection; this needs "
              + String.join(" or ", types));
    }
    return Optional.empty();
  }

  /** The connection's settings now: as written, overlaid with its expressions evaluated. */
  public Map<String, Object> settings(String name, Variables scope) {
    ConnectionDefinition d = definitions.get(key(name));
    if (d == null) {
      throw new IllegalArgumentException("connection '" + name + "' does not exist");
    }
    Map<String, Object> result = new LinkedHashMap<>(d.properties());
    for (Map.Entry<String, CompiledExpression> e :
        expressions.getOrDefault(key(name), Map.of()).entrySet()) {
      result.put(e.getKey(), e.getValue().evaluate(scope));
    }
    return result;
  }

  /**
   * An object that stands for the connection for the whole run (a cache connection's rows, which
   * one data flow writes and a later one reads), made on first use.
   */
  public <T> T shared(String name, Class<T> type, java.util.function.Supplier<T> create) {
    return type.cast(shared.computeIfAbsent(key(name), k -> create.get()));
  }

  /**
   * Opens a JDBC connection with the driver that accepts the URL: one of the project's {@code lib/}
   * jars, or one on Sluice's class path.
   */
  public Connection openJdbc(String name, Variables scope) throws SQLException {
    Map<String, Object> s = settings(name, scope);
    Properties props = new Properties();
    if (s.get("properties") instanceof Map<?, ?> extra) {
      extra.forEach((k, v) -> props.setProperty(String.valueOf(k), String.valueOf(v)));
    }
    if (s.get("user") != null) {
      props.setProperty("user", String.valueOf(s.get("user")));
    }
    if (s.get("password") != null) {
      props.setProperty("password", String.valueOf(s.get("password")));
    }
    String url = String.valueOf(s.get("url"));
    try {
      return drivers.connect(url, props);
    } catch (SQLException e) {
      // Its own type and code, so the catalog's Connections report can find it (see the class).
      ConnectionFailedException failed = new ConnectionFailedException(name, url, e);
      throw noDriver(e) ? failed.withHint(NO_DRIVER_HINT) : failed;
    }
  }

  /** The path of a file connection ({@code path}) or a flat-file connection ({@code file}). */
  public Path path(String name, Variables scope) {
    ConnectionDefinition d = definitions.get(key(name));
    Object path = settings(name, scope).get(d == null ? "path" : requiredSetting(d.type()));
    if (path == null || String.valueOf(path).isBlank()) {
      throw new IllegalArgumentException("connection '" + name + "' has an empty path");
    }
    return Path.of(String.valueOf(path));
  }

  private static final String NO_DRIVER_HINT =
      "; neither Sluice (whose distribution bundles PostgreSQL's and SQL Server's) nor the"
          + " project's lib/ folder has a JDBC"
          + " driver for this URL: put the driver's jar in the project's lib/ folder and deploy"
          + " the project again";

  /** DriverManager's "No suitable driver found for URL" (SQLState 08001 with that text). */
  private static boolean noDriver(SQLException e) {
    return "08001".equals(e.getSQLState())
        && e.getMessage() != null
        && e.getMessage().startsWith("No suitable driver");
  }

  /** The setting a built-in type cannot do without; null for a plugin's type (its schema says). */
  private static String requiredSetting(String type) {
    return switch (type) {
      case "jdbc" -> "url";
      case "flatFile" -> "file";
      case "file" -> "path";
      default -> null;
    };
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
