package io.sluice.catalog.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A database for examples and tutorials on the embedded catalog's PostgreSQL server ({@code sluice
 * sandbox}): a login of the same name that owns it and nothing else, so trying
 * examples/currency-rates needs no PostgreSQL of one's own. The server keeps its protections
 * (127.0.0.1 only, passwords, no socket); the login is no superuser and cannot reach the catalog's
 * database.
 */
public final class SandboxDatabase {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Names the server or the catalog use already. */
  private static final Set<String> TAKEN =
      new java.util.TreeSet<>(
          java.util.List.of(
              "postgres",
              "template0",
              "template1",
              "public",
              EmbeddedCatalog.DATABASE.toLowerCase(Locale.ROOT),
              EmbeddedCatalog.OWNER.toLowerCase(Locale.ROOT),
              EmbeddedCatalog.SUPERUSER.toLowerCase(Locale.ROOT)));

  private SandboxDatabase() {}

  /**
   * Creates database {@code name} and its login (or sets the login's password when both exist) and
   * returns how to reach it.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name} or {@code password}
   */
  public static CatalogLocation create(EmbeddedCatalog server, String name, String password)
      throws SQLException {
    if (!NAME.matcher(name).matches() || TAKEN.contains(name)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' cannot be a sandbox database: it must be lower-case letters, digits and _"
              + " (not first a digit), at most 63, and not one of "
              + String.join(", ", TAKEN));
    }
    if (password == null || password.length() < 4) {
      throw new IllegalArgumentException("the sandbox login's password needs 4 characters or more");
    }
    CatalogLocation superuser = server.superuserLocation();
    try (Connection c =
            DriverManager.getConnection(
                superuser.jdbcUrl(), superuser.user(), superuser.password());
        Statement s = c.createStatement()) {
      // Identifiers cannot be bound: the name matched NAME above, and the password is quoted.
      String quoted = "'" + password.replace("'", "''") + "'";
      if (exists(c, "select 1 from pg_roles where rolname = ?", name)) {
        s.execute("alter role " + name + " with login password " + quoted);
      } else {
        s.execute(
            "create role "
                + name
                + " with login nosuperuser nocreatedb nocreaterole password "
                + quoted);
      }
      if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
        s.execute("create database " + name + " owner " + name);
      }
      // PostgreSQL lets every login (PUBLIC) connect to every database: close the catalog's to
      // all but its owner and the superuser, so a sandbox login cannot even look at it
      s.execute(
          "revoke connect, temporary on database " + EmbeddedCatalog.DATABASE + " from public");
    }
    String url = superuser.jdbcUrl();
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    return new CatalogLocation(url.substring(0, slash + 1) + name, name, password);
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }
}
