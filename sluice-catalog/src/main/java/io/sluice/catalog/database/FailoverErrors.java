package io.sluice.catalog.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * Tells the errors a catalog failover causes from every other error. During a failover the old
 * primary goes away (connections break, new ones are refused, sessions are ended by an
 * administrator's shutdown) or stays up read-only (demoted to a standby); once a primary answers
 * again, the same work succeeds. Any other error (a constraint, a syntax error, a serialization
 * failure) says nothing about the server and is never retried here.
 */
final class FailoverErrors {

  /** SQLSTATE class 08: connection exception (broken, refused, no primary among the hosts). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private static final Set<String> SERVER_GOING_OR_COMING =
      Set.of(
          "57P01", // admin_shutdown: the server is shutting down, this session was ended
          "57P02", // crash_shutdown: another backend crashed, the server is restarting
          "57P03", // cannot_connect_now: starting up, or in recovery
          "53300"); // too_many_connections: every master reconnecting at once to a new primary

  /** read_only_sql_transaction: the server we reach is a standby (or was demoted to one). */
  private static final String READ_ONLY = "25006";

  /** Jdbi's message when {@code Connection.commit()} fails (LocalTransactionHandler). */
  private static final String COMMIT_FAILED = "Failed to commit";

  private FailoverErrors() {}

  /** Whether {@code e} was caused by the catalog being unreachable or read-only. */
  static boolean isFailover(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true; // the pool found no connection within its timeout
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith(CONNECTION_EXCEPTION_CLASS)
            || SERVER_GOING_OR_COMING.contains(state)
            || READ_ONLY.equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isReadOnly(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && READ_ONLY.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the connection broke while COMMIT was on its way: the server may have committed before
   * it went, and nobody can tell, so running the transaction again could do it twice.
   */
  static boolean isCommitOutcomeUnknown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransactionException
          && t.getMessage() != null
          && t.getMessage().startsWith(COMMIT_FAILED)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message, which names what actually went wrong. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
