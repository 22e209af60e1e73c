package io.sluice.catalog.operation;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.project.AllProjectsVersionCleanup;
import io.sluice.catalog.retention.CleanupResult;
import io.sluice.catalog.retention.RetentionCleanup;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Operations} on the catalog database. */
public final class JdbcOperations implements Operations {

  private final CatalogContext context;
  private final RetentionCleanup retentionCleanup;

  public JdbcOperations(CatalogContext context) {
    this.context = context;
    this.retentionCleanup = new RetentionCleanup(context, new AllProjectsVersionCleanup());
  }

  @Override
  public List<Operation> list(OperationFilter filter) {
    return context
        .database()
        .jdbi()
        .withHandle(handle -> OperationListing.list(handle, filter, Set.of()));
  }

  @Override
  public Operation get(long operationId) {
    return context.database().jdbi().withHandle(handle -> find(handle, operationId));
  }

  @Override
  public List<OperationMessage> messages(long operationId) {
    return context
        .database()
        .jdbi()
        .withHandle(
            handle -> {
              find(handle, operationId);
              // The operation's own time bounds let PostgreSQL open only the partitions of its
              // days.
              // Messages are stamped at most at the operation's end (OperationLog); the hour is
              // slack.
              return handle
                  .createQuery(
                      """
                      select m.*
                      from operation o
                      join operation_message m on m.operation_id = o.operation_id
                      where o.operation_id = :operationId
                        and m.message_time >= o.created_time
                        and m.message_time < coalesce(o.end_time, now()) + interval '1 hour'
                      order by m.message_time, m.operation_message_id
                      """)
                  .bind("operationId", operationId)
                  .map(ConstructorMapper.of(OperationMessage.class))
                  .list();
            });
  }

  @Override
  public CleanupResult cleanup() {
    return retentionCleanup.run();
  }

  static Operation find(Handle handle, long operationId) {
    return handle
        .createQuery("select * from operation where operation_id = :operationId")
        .bind("operationId", operationId)
        .map(ConstructorMapper.of(Operation.class))
        .findOne()
        .orElseThrow(
            () ->
                CatalogException.notFound(
                    "operation " + operationId + " does not exist",
                    "list operations with: sluice catalog operations list"));
  }
}
