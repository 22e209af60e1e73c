package io.sluice.engine.runtime.task.sql;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A database's refusal as one line of the task's error: PostgreSQL's driver puts the position of
 * the error and the server's detail and hint on lines of their own after the message, which broke
 * the one-line-then-hint shape every other error has. The position is kept as "at character N of
 * the statement", the detail in brackets, the server's own hint as the hint.
 */
public final class SqlErrors {

  private SqlErrors() {}

  /** {@code relation "fact" does not exist (at character 13 of the statement)}. */
  public static String describe(SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    if (server == null || server.getMessage() == null) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return message
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .reduce((a, b) -> a + "; " + b)
          .orElse(message);
    }
    StringBuilder s = new StringBuilder(server.getMessage());
    if (server.getDetail() != null && !server.getDetail().isBlank()) {
      s.append(" (").append(server.getDetail().strip().replace('\n', ' ')).append(')');
    }
    if (server.getPosition() > 0) {
      s.append(" at character ").append(server.getPosition()).append(" of the statement");
    }
    if (server.getSQLState() != null) {
      s.append(" [SQLSTATE ").append(server.getSQLState()).append(']');
    }
    if (server.getHint() != null && !server.getHint().isBlank()) {
      s.append("; hint: ").append(server.getHint().strip().replace('\n', ' '));
    }
    return s.toString();
  }
}
