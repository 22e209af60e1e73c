package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.operation.OperationStatus;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Reading execution rows, shared by the user-facing and the runtime API. */
final class ExecutionRows {

  /** Made once: a mapper found by reflection per read showed in the dispatch benchmark. */
  static final RowMapper<Execution> MAPPER = ConstructorMapper.of(Execution.class);

  /** An execution row's columns as {@link #MAPPER} reads them: with its worker's display name. */
  static String columns(String table) {
    return table
        + ".*, (select w.display_name from worker_agent w where w.worker_agent_id = "
        + table
        + ".worker_agent_id) as worker_name";
  }

  private ExecutionRows() {}

  static Optional<Execution> find(Handle handle, long executionId) {
    return handle
        .createQuery(
            "select " + columns("execution") + " from execution where execution_id = :executionId")
        .bind("executionId", executionId)
        .map(MAPPER)
        .findOne();
  }

  static Execution get(Handle handle, long executionId) {
    return find(handle, executionId).orElseThrow(() -> notFound(executionId));
  }

  /** The execution, locked until the end of the transaction; refused unless it is 1 created. */
  static Execution lockCreated(Handle handle, long executionId, String action) {
    Execution execution =
        handle
            .createQuery(
                "select "
                    + columns("execution")
                    + " from execution where execution_id = :executionId for update")
            .bind("executionId", executionId)
            .map(MAPPER)
            .findOne()
            .orElseThrow(() -> notFound(executionId));
    if (execution.status() != OperationStatus.CREATED.code()) {
      throw CatalogException.conflict(
          "cannot "
              + action
              + " execution "
              + executionId
              + ": it is "
              + OperationStatus.display(execution.status())
              + ", and this is possible only while it is 1 created",
          "create a new execution of the package and set it up before starting it");
    }
    return execution;
  }

  static CatalogException notFound(long executionId) {
    return CatalogException.notFound(
        "execution " + executionId + " does not exist",
        "list executions with: sluice catalog executions list");
  }
}
