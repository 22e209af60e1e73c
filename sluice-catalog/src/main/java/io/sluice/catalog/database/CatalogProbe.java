package io.sluice.catalog.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Asks the catalog whether it takes work now: on a new connection of its own (not the pool's, which
 * may hold connections to a server that has gone, and makes callers wait for a free one), through
 * the same URL, so a multi-host {@code targetServerType=primary} URL is answered as the next
 * connection would be: by the primary, or by nobody. A server that answers but is read-only (a
 * standby, or a demoted primary) does not take work either.
 */
public final class CatalogProbe {

  private final String url;
  private final String user;
  private final String password;

  CatalogProbe(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Empty when the catalog answered and accepts writes within {@code timeout}, else why not. */
  public Optional<String> problem(Duration timeout) {
    int seconds = (int) Math.max(1, timeout.toSeconds());
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", Integer.toString(seconds));
    props.setProperty("socketTimeout", Integer.toString(seconds));
    props.setProperty("loginTimeout", Integer.toString(seconds));
    try (Connection connection = DriverManager.getConnection(url, props);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select current_setting('transaction_read_only')")) {
      rs.next();
      if ("on".equals(rs.getString(1))) {
        return Optional.of(
            "the catalog is read-only: this master reaches a standby (or a demoted primary), not"
                + " the primary");
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("the catalog does not answer: " + FailoverErrors.describe(e));
    }
  }
}
