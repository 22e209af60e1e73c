package io.sluice.engine.runtime.connection;

import io.sluice.engine.project.PropertyOverrides;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection manager that could not open its connection. Raised as an Error event with the
 * connection manager's name as the subcomponent and SSIS's code for it ({@link #CODE}, {@code
 * DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER}), so the catalog's Connections report finds
 * failed connections by an indexed code instead of by reading every error's text. The connection
 * string in the message has its credentials masked: the report shows it to every reader.
 */
public final class ConnectionFailedException extends SQLException {

  /** SSIS's DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER (0xC020801C) as a signed int. */
  public static final int CODE = 0xC020801C;

  private static final String MASK = "********";

  private final String connectionName;
  private final String maskedConnectionString;

  ConnectionFailedException(String connectionName, String connectionString, SQLException cause) {
    this(connectionName, mask(connectionString), cause, "");
  }

  private ConnectionFailedException(
      String connectionName, String masked, SQLException cause, String hint) {
    super(
        message(connectionName, masked, cause.getMessage() + hint),
        cause.getSQLState(),
        cause.getErrorCode(),
        cause);
    this.connectionName = connectionName;
    this.maskedConnectionString = masked;
  }

  /** The same failure with a hint added to its message (e.g. which driver is missing). */
  ConnectionFailedException withHint(String hint) {
    return new ConnectionFailedException(
        connectionName, maskedConnectionString, (SQLException) getCause(), hint);
  }

  /**
   * The message's fixed shape, which the catalog reads the connection string back from: {@code
   * cannot connect with connection 'NAME' to STRING: CAUSE}.
   */
  static String message(String name, String maskedConnectionString, String cause) {
    return "cannot connect with connection '"
        + name
        + "' to "
        + maskedConnectionString
        + ": "
        + cause;
  }

  public String connectionName() {
    return connectionName;
  }

  public String maskedConnectionString() {
    return maskedConnectionString;
  }

  /** The connection string with each credential in it ({@code password=}, user:pw@) masked. */
  public static String mask(String connectionString) {
    String masked = connectionString;
    for (String credential : PropertyOverrides.credentialsIn(connectionString)) {
      masked = masked.replace(credential, MASK);
    }
    return masked;
  }

  private static final Pattern MESSAGE =
      Pattern.compile("cannot connect with connection '(.+?)' to ");

  /**
   * The connection named in a problem that carries this failure's message (validation reports its
   * problems as text, e.g. a data flow's source that cannot connect while it is planned); null if
   * the text holds none.
   */
  public static String connectionNamedIn(String problem) {
    Matcher matcher = MESSAGE.matcher(problem);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The connection failure that caused {@code e}, if one did. */
  public static ConnectionFailedException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectionFailedException failed) {
        return failed;
      }
    }
    return null;
  }
}
