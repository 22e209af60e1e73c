package io.sluice.catalog.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Operations matching an {@link OperationFilter}, newest first; the SQL holds only the conditions
 * the filter sets, as {@link io.sluice.catalog.execution.ExecutionListing}'s.
 */
public final class OperationListing {

  private OperationListing() {}

  /**
   * @param types the operation types to list; empty: the filter's type, or all when it has none
   */
  public static List<Operation> list(
      Handle handle, OperationFilter filter, Set<OperationType> types) {
    List<Integer> codes =
        !types.isEmpty()
            ? types.stream().map(OperationType::code).sorted().toList()
            : filter.type() == null ? List.of() : List.of(filter.type().code());
    List<String> conditions = new ArrayList<>();
    if (!codes.isEmpty()) {
      conditions.add("operation_type = any(:types)");
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
    }
    if (filter.since() != null) {
      conditions.add("created_time >= :since");
    }
    if (filter.until() != null) {
      conditions.add("created_time < :until");
    }
    if (filter.caller() != null) {
      conditions.add("caller_name = :caller");
    }
    Query query =
        handle.createQuery(
            "select * from operation"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_time desc, operation_id desc limit :limit");
    if (!codes.isEmpty()) {
      query.bindArray("types", Integer.class, codes);
    }
    if (filter.status() != null) {
      query.bind("status", filter.status().code());
    }
    if (filter.since() != null) {
      query.bind("since", filter.since());
    }
    if (filter.until() != null) {
      query.bind("until", filter.until());
    }
    if (filter.caller() != null) {
      query.bind("caller", filter.caller());
    }
    return query.bind("limit", filter.limit()).map(ConstructorMapper.of(Operation.class)).list();
  }
}
