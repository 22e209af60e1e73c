package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code \Package.Connections[C].Properties[P]}: a connection's setting, by its SSIS name ({@code
 * ConnectionString}, {@code UserName}) or its Sluice name. The package's connection of that name
 * first, then the project's, as the run resolves the name.
 */
final class ConnectionOverrides {

  private ConnectionOverrides() {}

  static void apply(OverrideState s, PropertyOverride o, PropertyPath p) {
    boolean inPackage = find(s.pkg.connections(), p.key()).isPresent();
    ConnectionDefinition c =
        find(s.pkg.connections(), p.key())
            .or(() -> find(s.projectConnections, p.key()))
            .orElseThrow(
                () ->
                    PropertyPath.bad(
                        o.path(),
                        "package "
                            + s.pkg.name()
                            + " has no connection '"
                            + p.key()
                            + "'; its connections: "
                            + names(s)));
    if (p.property() == null) {
      throw PropertyPath.bad(
          o.path(),
          "say which property, e.g. \\Package.Connections["
              + c.name()
              + "].Properties[ConnectionString]");
    }
    String setting = setting(o, c, p.property());
    Object value =
        OverrideValues.typed(o, KnownTypes.CONNECTIONS.get(c.type()), setting, c.properties());
    if (setting.equals("url") && !String.valueOf(value).regionMatches(true, 0, "jdbc:", 0, 5)) {
      throw PropertyPath.bad(
          o.path(),
          "connection '"
              + c.name()
              + "' is a jdbc connection: its ConnectionString is a JDBC URL such as"
              + " jdbc:postgresql://host:5432/database, and the value given is not one (an OLE DB"
              + " or ADO.NET connection string is not: sluice import ssis translates those)");
    }
    if (c.expressions().containsKey(setting)) {
      s.noteExpressionReplaces(
          "connection '" + c.name() + "'", setting, o, " when the connection is used");
    }
    Map<String, Object> properties = new LinkedHashMap<>(c.properties());
    properties.put(setting, value);
    ConnectionDefinition changed = c.withProperties(properties);
    if (inPackage) {
      List<ConnectionDefinition> list = new ArrayList<>(s.pkg.connections());
      list.replaceAll(d -> d == c ? changed : d);
      s.pkg = s.pkg.withConnections(list);
    } else {
      s.projectConnections.replaceAll(d -> d == c ? changed : d);
    }
  }

  /** The Sluice setting an SSIS connection property name stands for. */
  private static String setting(PropertyOverride o, ConnectionDefinition c, String property) {
    String lower = property.toLowerCase(Locale.ROOT);
    if (lower.equals("connectionstring")) {
      return switch (c.type()) {
        case "jdbc" -> "url";
        case "flatFile", "cache" -> "file";
        default -> "path";
      };
    }
    if (c.type().equals("jdbc") && lower.equals("username")) {
      return "user";
    }
    Settings settings = KnownTypes.CONNECTIONS.get(c.type());
    List<String> all = new ArrayList<>(settings.keys);
    all.addAll(settings.checkedElsewhere);
    return all.stream()
        .filter(k -> k.equalsIgnoreCase(property))
        .findFirst()
        .orElseThrow(
            () ->
                PropertyPath.bad(
                    o.path(),
                    "connection '"
                        + c.name()
                        + "' ("
                        + c.type()
                        + ") has no property "
                        + property
                        + "; accepted: ConnectionString"
                        + (c.type().equals("jdbc") ? ", UserName, Password" : "")
                        + " and its settings "
                        + String.join(", ", all)));
  }

  /** The connections the package can name: its own, then the project's it does not shadow. */
  private static String names(OverrideState s) {
    List<String> all = new ArrayList<>();
    s.pkg.connections().forEach(c -> all.add(c.name()));
    s.projectConnections.stream()
        .map(ConnectionDefinition::name)
        .filter(n -> all.stream().noneMatch(n::equalsIgnoreCase))
        .forEach(all::add);
    return OverrideValues.namesOrNone(all);
  }

  private static Optional<ConnectionDefinition> find(List<ConnectionDefinition> list, String name) {
    return list.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }
}
