package io.sluice.ssis.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An OLE DB, ADO.NET or ODBC connection string turned into a JDBC URL and user, or the reason it
 * could not be.
 *
 * <p>The database is recognised from the OLE DB provider, the ODBC driver or the ADO.NET class (SQL
 * Server: SQLNCLI*, SQLOLEDB, MSOLEDBSQL, SqlClient, any "SQL Server" ODBC driver; PostgreSQL;
 * MySQL; Oracle). The password is never part of the result: a connection that logs in with one gets
 * it from a sensitive parameter ({@link #needsPassword}). What was guessed and what was not carried
 * over goes into {@link #notes}, for the import report.
 *
 * @param url null when no translation is known; {@link #reason} says why
 */
record JdbcTranslation(
    String url, String user, boolean needsPassword, List<String> notes, String reason) {

  enum Database {
    SQL_SERVER,
    POSTGRESQL,
    MYSQL,
    ORACLE
  }

  private static final Set<String> SERVER_KEYS =
      Set.of("data source", "server", "address", "addr", "network address", "host");

  static JdbcTranslation of(String managerType, String connectionString) {
    ConnectionString cs = ConnectionString.parse(connectionString);
    if (cs.values().isEmpty()) {
      return failed("its connection string is empty (it may be set only by an expression)");
    }
    String provider = cs.get("provider").orElse("");
    String driver = cs.get("driver").orElse("");
    String signature = (provider + " " + driver + " " + managerType).toLowerCase(Locale.ROOT);
    Optional<Database> database = database(signature);
    if (database.isEmpty()) {
      if (cs.has("dsn")) {
        return failed(
            "it names the ODBC data source DSN="
                + cs.get("dsn").orElse("")
                + ", whose server is defined on the Windows machine, not in the package");
      }
      String what =
          !provider.isEmpty()
              ? "OLE DB provider " + provider
              : !driver.isEmpty() ? "ODBC driver " + driver : managerType;
      return failed("no JDBC translation is known for " + what);
    }
    return switch (database.get()) {
      case SQL_SERVER -> sqlServer(cs);
      case POSTGRESQL -> postgresql(cs);
      case MYSQL -> mysql(cs);
      case ORACLE -> oracle(cs);
    };
  }

  static Optional<Database> database(String signature) {
    if (signature.contains("postgres")
        || signature.contains("npgsql")
        || signature.contains("pgnp")) {
      return Optional.of(Database.POSTGRESQL);
    }
    if (signature.contains("mysql")) {
      return Optional.of(Database.MYSQL);
    }
    if (signature.contains("oracle")
        || signature.contains("oraoledb")
        || signature.contains("msdaora")) {
      return Optional.of(Database.ORACLE);
    }
    if (signature.endsWith("ado.net:sql") // SSDT's short name for SqlClient
        || signature.contains("sqlncli")
        || signature.contains("sqloledb")
        || signature.contains("msoledbsql")
        || signature.contains("sqlclient")
        || signature.contains("sql server")
        || signature.contains("sqlserver")
        || signature.contains("sql native client")) {
      return Optional.of(Database.SQL_SERVER);
    }
    return Optional.empty();
  }

  private static JdbcTranslation failed(String reason) {
    return new JdbcTranslation(null, null, false, List.of(), reason);
  }

  private static JdbcTranslation sqlServer(ConnectionString cs) {
    Set<String> used = new LinkedHashSet<>(List.of("provider", "driver"));
    List<String> notes = new ArrayList<>();
    String server = first(cs, used, "data source", "server", "address", "addr", "network address");
    if (server == null) {
      return failed("its connection string names no server (Data Source or Server)");
    }
    String host = server.trim();
    if (host.regionMatches(true, 0, "tcp:", 0, 4)) {
      host = host.substring(4);
    } else if (host.regionMatches(true, 0, "np:", 0, 3)
        || host.regionMatches(true, 0, "lpc:", 0, 4)) {
      return failed(
          "it reaches SQL Server through "
              + (host.startsWith("np") ? "named pipes" : "shared memory")
              + " ("
              + server
              + "); JDBC connects over TCP only");
    }
    if (host.toLowerCase(Locale.ROOT).startsWith("(localdb)")) {
      return failed(
          "it uses SQL Server LocalDB (" + server + "), which takes no network connection");
    }
    String port = null;
    int comma = host.indexOf(',');
    if (comma >= 0) {
      port = host.substring(comma + 1).trim();
      host = host.substring(0, comma).trim();
    }
    String instance = null;
    int slash = host.indexOf('\\');
    if (slash >= 0) {
      instance = host.substring(slash + 1);
      host = host.substring(0, slash);
    }
    if (host.equals(".") || host.equalsIgnoreCase("(local)")) {
      host = "localhost";
    }
    StringBuilder url = new StringBuilder("jdbc:sqlserver://").append(host);
    if (instance != null && !instance.isEmpty()) {
      url.append('\\').append(instance);
    }
    if (port != null && !port.isEmpty()) {
      url.append(':').append(port);
    }
    String db = first(cs, used, "initial catalog", "database");
    if (db != null) {
      url.append(";databaseName=").append(value(db));
    }
    boolean integrated = cs.isTrue("integrated security", "trusted_connection");
    used.add("integrated security");
    used.add("trusted_connection");
    String user = null;
    if (integrated) {
      url.append(";integratedSecurity=true;authenticationScheme=JavaKerberos");
      notes.add(
          "Windows authentication became the driver's Kerberos integrated authentication: the"
              + " machine that runs the package needs a Kerberos ticket for a login of the server"
              + " (docs/import-ssis.md); or set user and password instead");
    } else {
      user = first(cs, used, "user id", "uid", "user");
    }
    String encrypt = first(cs, used, "encrypt", "use encryption for data");
    if (encrypt != null) {
      url.append(";encrypt=").append(yes(encrypt) ? "true" : "false");
    }
    String trust = first(cs, used, "trustservercertificate", "trust server certificate");
    if (trust != null) {
      url.append(";trustServerCertificate=").append(yes(trust) ? "true" : "false");
    }
    String app = first(cs, used, "application name", "app");
    if (app != null) {
      url.append(";applicationName=").append(value(app));
    }
    String timeout = first(cs, used, "connect timeout", "connection timeout", "timeout");
    if (timeout != null && timeout.matches("\\d+")) {
      url.append(";loginTimeout=").append(timeout);
    }
    String intent = first(cs, used, "applicationintent", "application intent");
    if (intent != null) {
      url.append(";applicationIntent=").append(value(intent));
    }
    String multiSubnet = first(cs, used, "multisubnetfailover", "multi subnet failover");
    if (multiSubnet != null && yes(multiSubnet)) {
      url.append(";multiSubnetFailover=true");
    }
    String partner = first(cs, used, "failover partner");
    if (partner != null) {
      url.append(";failoverPartner=").append(value(partner));
    }
    return finish(cs, used, url.toString(), user, integrated, notes);
  }

  private static JdbcTranslation postgresql(ConnectionString cs) {
    Set<String> used = new LinkedHashSet<>(List.of("provider", "driver"));
    String host = first(cs, used, "host", "server", "data source", "servername");
    if (host == null) {
      return failed("its connection string names no server (Host or Server)");
    }
    String port = first(cs, used, "port");
    String db = first(cs, used, "database", "initial catalog", "location");
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host);
    if (port != null) {
      url.append(':').append(port);
    }
    url.append('/').append(db == null ? "" : db);
    String ssl = first(cs, used, "sslmode", "ssl mode");
    if (ssl != null) {
      url.append("?sslmode=").append(ssl.toLowerCase(Locale.ROOT));
    }
    String user = first(cs, used, "username", "user id", "uid", "user");
    return finish(cs, used, url.toString(), user, false, new ArrayList<>());
  }

  private static JdbcTranslation mysql(ConnectionString cs) {
    Set<String> used = new LinkedHashSet<>(List.of("provider", "driver"));
    String host = first(cs, used, "server", "host", "data source", "datasource");
    if (host == null) {
      return failed("its connection string names no server (Server)");
    }
    String port = first(cs, used, "port");
    String db = first(cs, used, "database", "initial catalog");
    String url =
        "jdbc:mysql://" + host + (port == null ? "" : ":" + port) + "/" + (db == null ? "" : db);
    String user = first(cs, used, "uid", "user id", "user", "username");
    List<String> notes = new ArrayList<>();
    notes.add(
        "MySQL: put the MySQL JDBC driver (Connector/J) in the project's lib/ folder to run it");
    return finish(cs, used, url, user, false, notes);
  }

  private static JdbcTranslation oracle(ConnectionString cs) {
    Set<String> used = new LinkedHashSet<>(List.of("provider", "driver"));
    String source = first(cs, used, "data source", "dbq", "server");
    if (source == null) {
      return failed("its connection string names no data source");
    }
    List<String> notes = new ArrayList<>();
    String url;
    if (source.contains("/") || source.contains(":")) {
      url = "jdbc:oracle:thin:@//" + source;
    } else {
      url = "jdbc:oracle:thin:@" + source;
      notes.add(
          "Oracle data source '"
              + source
              + "' is a TNS alias: the driver finds it through tnsnames.ora (set the connection"
              + " property oracle.net.tns_admin), or write host:port/service");
    }
    notes.add("Oracle: put Oracle's JDBC driver (ojdbc) in the project's lib/ folder to run it");
    String user = first(cs, used, "user id", "uid", "user");
    return finish(cs, used, url, user, false, notes);
  }

  private static JdbcTranslation finish(
      ConnectionString cs,
      Set<String> used,
      String url,
      String user,
      boolean integrated,
      List<String> notes) {
    used.add("password");
    used.add("pwd");
    boolean password = !integrated && (user != null || cs.has("password", "pwd"));
    List<String> ignored = new ArrayList<>();
    for (var e : cs.values().entrySet()) {
      if (!used.contains(e.getKey()) && !SERVER_KEYS.contains(e.getKey())) {
        ignored.add(e.getKey() + "=" + e.getValue());
      }
    }
    if (!ignored.isEmpty()) {
      notes.add("not carried over: " + String.join("; ", ignored));
    }
    if (cs.has("password", "pwd")) {
      notes.add(
          "the connection string held a password: it is not written anywhere; set the sensitive"
              + " parameter instead");
    }
    return new JdbcTranslation(url, user, password, List.copyOf(notes), null);
  }

  private static String first(ConnectionString cs, Set<String> used, String... keys) {
    used.addAll(List.of(keys));
    return cs.get(keys).orElse(null);
  }

  private static boolean yes(String v) {
    return List.of("true", "yes", "mandatory", "strict", "1").contains(v.toLowerCase(Locale.ROOT));
  }

  /** A SQL Server URL property value: braced when it holds a character the URL syntax uses. */
  private static String value(String v) {
    return v.contains(";") || v.contains("=") || v.contains("{") || v.startsWith(" ")
        ? "{" + v.replace("}", "}}") + "}"
        : v;
  }
}
