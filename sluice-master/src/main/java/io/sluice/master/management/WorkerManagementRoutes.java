package io.sluice.master.management;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import java.util.UUID;

/**
 * Worker management over REST ({@code /api/v1/workers}), for administrators: list, show, enable,
 * disable, change display name/description/tags (PATCH), remove (DELETE). {@link ManagementAccess}
 * has admitted the caller.
 */
public final class WorkerManagementRoutes implements RouteModule {

  private static final String WORKERS = ManagementAccess.BASE + "/workers";
  private static final String WORKER = WORKERS + "/{workerId}";
  private static final long MAX_BODY = 64 * 1024;

  private final WorkerAgents workers;

  public WorkerManagementRoutes(WorkerAgents workers) {
    this.workers = workers;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(WORKERS, ctx -> Json.ok(ctx, workers.list()));
    routes.get(WORKER, ctx -> Json.ok(ctx, workers.get(workerId(ctx))));
    routes.post(WORKER + "/enable", ctx -> Json.ok(ctx, workers.enable(workerId(ctx))));
    routes.post(WORKER + "/disable", ctx -> Json.ok(ctx, workers.disable(workerId(ctx))));
    routes.patch(
        WORKER,
        ctx -> {
          String id = workerId(ctx);
          WorkerChanges changes = Json.read(ctx, WorkerChanges.class, MAX_BODY);
          Json.ok(ctx, workers.set(id, changes));
        });
    routes.delete(WORKER, ctx -> Json.ok(ctx, workers.remove(workerId(ctx))));
  }

  private static String workerId(Context ctx) {
    String text = ctx.pathParam("workerId");
    try {
      return UUID.fromString(text).toString();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "'" + text + "' is not a worker id",
          "worker ids are UUIDs, as GET /api/v1/workers lists");
    }
  }
}
