package io.sluice.catalog.monitoring;

import io.sluice.catalog.operation.OperationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever listens on a {@link Jdbi} (a master's metrics) what the catalog work done through
 * it changed: executions started and ended, rows moved by data flows. Each event is announced only
 * once its transaction has committed, so work rolled back (or run again by the failover retry) is
 * never counted, and the metrics count what the catalog really recorded.
 *
 * <p>Why a Jdbi config rather than a listener passed to every class that ends an execution: an
 * execution ends in half a dozen places (a worker's result, a lost lease, a server-mode run, a stop
 * of a pending execution), in the catalog and in the master; each already has the handle, and the
 * handle carries the config of the Jdbi it came from. A process without a listener (the command
 * line) pays nothing: no query is made when nobody listens.
 */
public final class ExecutionEvents implements JdbiConfig<ExecutionEvents> {

  private static final Logger log = LoggerFactory.getLogger(ExecutionEvents.class);

  /** What a listener hears; every method is called after the commit, on the committing thread. */
  public interface Listener {

    /** {@code count} executions began running for the first time (not retries). */
    void started(int count);

    /** An execution reached a final status. */
    void ended(EndedExecution execution);

    /** A data flow's statistics recorded {@code rows} rows sent along its paths. */
    void rowsMoved(long rows);
  }

  /**
   * An ended execution as the metrics need it: its package, final status, and duration from its
   * start (when it was queued, as SSIS's catalog.executions measures it) to its end.
   */
  public record EndedExecution(
      String folder,
      String project,
      String packageName,
      OperationStatus status,
      Duration duration) {}

  // Shared by every copy: a handle's config is a copy made when it opens, and a listener added
  // later must still be heard through it.
  private final List<Listener> listeners;

  public ExecutionEvents() {
    this.listeners = new CopyOnWriteArrayList<>();
  }

  private ExecutionEvents(ExecutionEvents other) {
    this.listeners = other.listeners;
  }

  @Override
  public ExecutionEvents createCopy() {
    return new ExecutionEvents(this);
  }

  /** Adds {@code listener} to the work done through {@code jdbi}; close the result to remove it. */
  public static AutoCloseable listen(Jdbi jdbi, Listener listener) {
    List<Listener> listeners = jdbi.getConfig(ExecutionEvents.class).listeners;
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Announces, once committed, that {@code count} executions began running for the first time. */
  public static void started(Handle handle, int count) {
    if (count > 0) {
      announce(handle, l -> l.started(count));
    }
  }

  /**
   * What an update that ends an execution returns ({@code returning} these columns), so that the
   * metrics cost no statement of their own on the path every execution's end takes.
   */
  public static final String ENDED_COLUMNS =
      """
      folder_name, project_name, package_name, status,
      extract(epoch from end_time - coalesce(start_time, created_time)) as ended_seconds
      """;

  /** The ended execution of a row with {@link #ENDED_COLUMNS}. */
  public static EndedExecution endedRow(ResultSet rs) throws SQLException {
    return new EndedExecution(
        rs.getString("folder_name"),
        rs.getString("project_name"),
        rs.getString("package_name"),
        OperationStatus.of(rs.getInt("status")),
        Duration.ofNanos(Math.max(0, (long) (rs.getDouble("ended_seconds") * 1e9))));
  }

  /**
   * Announces, once committed, that an execution ended; call it right after the update that gave it
   * its final status (returning {@link #ENDED_COLUMNS}), in the same transaction.
   */
  public static void ended(Handle handle, EndedExecution ended) {
    announce(handle, l -> l.ended(ended));
  }

  /** Announces, once committed, rows sent along data-flow paths. */
  public static void rowsMoved(Handle handle, long rows) {
    if (rows > 0) {
      announce(handle, l -> l.rowsMoved(rows));
    }
  }

  private static List<Listener> listenersOf(Handle handle) {
    return handle.getConfig(ExecutionEvents.class).listeners;
  }

  private static void announce(Handle handle, Consumer<Listener> event) {
    List<Listener> listeners = listenersOf(handle);
    if (listeners.isEmpty()) {
      return;
    }
    Runnable tell =
        () -> {
          for (Listener listener : listeners) {
            try {
              event.accept(listener);
            } catch (RuntimeException e) {
              // A metric must never fail the catalog work it describes (that work is committed).
              log.warn("a catalog event listener failed: {}", e.toString());
            }
          }
        };
    if (handle.isInTransaction()) {
      handle.afterCommit(tell);
    } else {
      tell.run(); // a single statement outside a transaction has committed already
    }
  }
}
