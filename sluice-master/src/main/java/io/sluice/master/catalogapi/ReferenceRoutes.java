package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.master.catalogapi.CatalogRequests.NewReference;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;

/**
 * A project's environment references (SSIS create_environment_reference, environment_references,
 * delete_environment_reference). A reference is deleted by its id, as SSIS does.
 */
final class ReferenceRoutes implements RouteModule {

  private static final String PROJECT_REFERENCES = ProjectRoutes.PROJECT + "/references";

  private final CallerCatalogs catalogs;

  ReferenceRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        PROJECT_REFERENCES,
        ctx ->
            Json.ok(
                ctx,
                catalogs
                    .of(ctx)
                    .environments()
                    .listReferences(FolderRoutes.folder(ctx), ProjectRoutes.project(ctx))));
    routes.post(PROJECT_REFERENCES, this::add);
    routes.delete(
        ManagementAccess.BASE + "/references/{referenceId}",
        ctx -> {
          catalogs
              .of(ctx)
              .environments()
              .deleteReference(Params.pathId(ctx, "referenceId", "reference"));
          ctx.status(204);
        });
  }

  private void add(Context ctx) {
    NewReference body = Json.read(ctx, NewReference.class, CatalogApi.MAX_JSON_BYTES);
    Json.write(
        ctx,
        201,
        catalogs
            .of(ctx)
            .environments()
            .addReference(
                FolderRoutes.folder(ctx),
                ProjectRoutes.project(ctx),
                Params.required(body.type(), "type"),
                body.environmentFolder(),
                Params.required(body.environmentName(), "environmentName")));
  }
}
