package io.sluice.cli.remote;

import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationMessage;
import io.sluice.catalog.operation.Operations;
import io.sluice.catalog.retention.CleanupResult;
import java.util.List;

/** {@link Operations} through a master; cleanup runs on the master's catalog connection. */
final class RemoteOperations implements Operations {

  private final MasterConnection master;

  RemoteOperations(MasterConnection master) {
    this.master = master;
  }

  @Override
  public List<Operation> list(OperationFilter filter) {
    Query query =
        new Query()
            .with("type", filter.type() == null ? null : filter.type().code())
            .with("status", filter.status() == null ? null : filter.status().code())
            .with("since", filter.since())
            .with("until", filter.until())
            .with("caller", filter.caller())
            .with("limit", filter.limit());
    return master.getList("/operations" + query, Operation.class);
  }

  @Override
  public Operation get(long operationId) {
    return master.get("/operations/" + operationId, Operation.class);
  }

  @Override
  public List<OperationMessage> messages(long operationId) {
    return master.getList("/operations/" + operationId + "/messages", OperationMessage.class);
  }

  @Override
  public CleanupResult cleanup() {
    return master.send("POST", "/cleanup", null, CleanupResult.class);
  }
}
