package io.sluice.catalog.operation;

import io.sluice.catalog.retention.CleanupResult;
import java.util.List;

/** Catalog operations on operations: the audit trail of deploys, executions, stops, cleanups. */
public interface Operations {

  /** Operations matching the filter, newest first. */
  List<Operation> list(OperationFilter filter);

  /** One operation; NOT_FOUND if there is none with that id. */
  Operation get(long operationId);

  /** The messages of an operation in time order; NOT_FOUND if the operation does not exist. */
  List<OperationMessage> messages(long operationId);

  /**
   * Retention cleanup (SSIS's operation cleanup job): removes the messages, statistics and
   * operations older than RETENTION_WINDOW days, if OPERATION_CLEANUP_ENABLED; records it as an
   * operation of type 2.
   */
  CleanupResult cleanup();
}
