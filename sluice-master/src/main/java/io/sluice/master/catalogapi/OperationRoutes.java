package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationType;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;
import java.util.Optional;

/**
 * Operations, the audit trail (SSIS operations, operation_messages), and the retention cleanup
 * (SSIS's maintenance job) as {@code POST /api/v1/cleanup}.
 */
final class OperationRoutes implements RouteModule {

  private static final String OPERATIONS = ManagementAccess.BASE + "/operations";
  private static final String OPERATION = OPERATIONS + "/{operationId}";

  private final CallerCatalogs catalogs;

  OperationRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(OPERATIONS, ctx -> Json.ok(ctx, catalogs.of(ctx).operations().list(filter(ctx))));
    routes.get(OPERATION, ctx -> Json.ok(ctx, catalogs.of(ctx).operations().get(id(ctx))));
    routes.get(
        OPERATION + "/messages",
        ctx -> Json.ok(ctx, catalogs.of(ctx).operations().messages(id(ctx))));
    routes.post(
        ManagementAccess.BASE + "/cleanup",
        ctx -> Json.ok(ctx, catalogs.of(ctx).operations().cleanup()));
  }

  /** The operations list's filter: type, status, since/until (created), caller and limit. */
  static OperationFilter filter(Context ctx) {
    return new OperationFilter(
        Optional.ofNullable(Params.queryText(ctx, "type")).map(OperationType::parse).orElse(null),
        Optional.ofNullable(Params.queryText(ctx, "status"))
            .map(OperationStatus::parse)
            .orElse(null),
        Params.queryTime(ctx, "since"),
        Params.queryTime(ctx, "until"),
        Params.queryText(ctx, "caller"),
        Optional.ofNullable(Params.queryNumber(ctx, "limit", 1))
            .orElse(OperationFilter.DEFAULT_LIMIT));
  }

  private static long id(Context ctx) {
    return Params.pathId(ctx, "operationId", "operation");
  }
}
