package io.sluice.catalog.operation;

import io.sluice.engine.event.MessageType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records operations and their messages in the caller's transaction, so an operation is recorded if
 * and only if its work commits. Used by every catalog action that SSIS lists as an operation
 * (deploy, restore, execution, stop, cleanup).
 *
 * <p>Message times come from the catalog's clock ({@code clock_timestamp()}) and the end time of
 * {@link #finish} too, so an operation's messages always lie between its created and end times:
 * reading them can then bound the day partitions of {@code operation_message}.
 */
public final class OperationLog {

  /** Messages the catalog itself writes come from SSIS's "entry API" source. */
  private static final int SOURCE_CATALOG = 10;

  private OperationLog() {}

  /** Records an operation that starts now, in status 2 running; returns its id. */
  public static long begin(
      Handle handle, OperationType type, OperationTarget target, String caller) {
    return handle
        .createUpdate(
            """
            insert into operation (operation_type, object_type, object_id, object_name, status,
                                   start_time, caller_name, machine_name)
            values (:type, :objectType, :objectId, :objectName, :status,
                    now(), :caller, :machine)
            """)
        .bind("type", type.code())
        .bind("objectType", target.objectType())
        .bind("objectId", target.objectId())
        .bind("objectName", target.objectName())
        .bind("status", OperationStatus.RUNNING.code())
        .bind("caller", caller)
        .bind("machine", MachineName.get())
        .executeAndReturnGeneratedKeys("operation_id")
        .mapTo(long.class)
        .one();
  }

  /** Records an operation that waits to be started (an execution: 1 created); returns its id. */
  public static long created(
      Handle handle, OperationType type, OperationTarget target, String caller) {
    return handle
        .createUpdate(
            """
            insert into operation (operation_type, object_type, object_id, object_name, status,
                                   caller_name, machine_name)
            values (:type, :objectType, :objectId, :objectName, :status, :caller, :machine)
            """)
        .bind("type", type.code())
        .bind("objectType", target.objectType())
        .bind("objectId", target.objectId())
        .bind("objectName", target.objectName())
        .bind("status", OperationStatus.CREATED.code())
        .bind("caller", caller)
        .bind("machine", MachineName.get())
        .executeAndReturnGeneratedKeys("operation_id")
        .mapTo(long.class)
        .one();
  }

  /** Adds a message to an operation. */
  public static void message(Handle handle, long operationId, MessageType type, String text) {
    handle
        .createUpdate(
            """
            insert into operation_message (operation_id, message_time, message_type,
                                           message_source_type, message)
            values (:operationId, clock_timestamp(), :type, :source, :message)
            """)
        .bind("operationId", operationId)
        .bind("type", type.code())
        .bind("source", SOURCE_CATALOG)
        .bind("message", text)
        .execute();
  }

  /** Ends an operation with a final status (7 succeeded, 4 failed, ...). */
  public static void finish(Handle handle, long operationId, OperationStatus status) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("an operation ends with a final status, not " + status);
    }
    handle
        .createUpdate(
            """
            update operation
            set status = :status, end_time = clock_timestamp()
            where operation_id = :operationId
            """)
        .bind("status", status.code())
        .bind("operationId", operationId)
        .execute();
  }

  /**
   * Records, in a transaction of its own, an operation that failed: for callers whose work was
   * rolled back, which took the operation begun in it along. Returns the operation's id.
   */
  public static long recordFailure(
      Jdbi jdbi, OperationType type, OperationTarget target, String caller, String error) {
    return jdbi.inTransaction(
        handle -> {
          long operationId = begin(handle, type, target, caller);
          message(handle, operationId, MessageType.ERROR, error);
          finish(handle, operationId, OperationStatus.FAILED);
          return operationId;
        });
  }
}
