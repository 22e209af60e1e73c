package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.catalog.parameter.Parameters;
import io.sluice.master.catalogapi.CatalogRequests.ParameterValue;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;

/**
 * Server values of a project's parameters (SSIS object_parameters, set_object_parameter_value,
 * clear_object_parameter_value): project parameters under {@code
 * .../projects/{project}/parameters}, package parameters under {@code
 * .../packages/{package}/parameters}. PUT sets, DELETE clears.
 */
final class ParameterRoutes implements RouteModule {

  private static final String PROJECT_PARAMETER = ProjectRoutes.PROJECT + "/parameters/{name}";
  private static final String PACKAGE_PARAMETER =
      ProjectRoutes.PROJECT + "/packages/{package}/parameters/{name}";

  private final CallerCatalogs catalogs;

  ParameterRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        ProjectRoutes.PROJECT + "/parameters",
        ctx ->
            Json.ok(
                ctx,
                catalogs
                    .of(ctx)
                    .parameters()
                    .list(FolderRoutes.folder(ctx), ProjectRoutes.project(ctx))));
    routes.get(ProjectRoutes.PROJECT + "/parameter-comparison", this::compare);
    routes.put(PROJECT_PARAMETER, ctx -> set(ctx, ObjectType.PROJECT, null));
    routes.put(PACKAGE_PARAMETER, ctx -> set(ctx, ObjectType.PACKAGE, ctx.pathParam("package")));
    routes.delete(PROJECT_PARAMETER, ctx -> clear(ctx, ObjectType.PROJECT, null));
    routes.delete(
        PACKAGE_PARAMETER, ctx -> clear(ctx, ObjectType.PACKAGE, ctx.pathParam("package")));
  }

  /** {@code ?from=1&to=2}: the parameters of two kept versions side by side. */
  private void compare(Context ctx) {
    Integer from = Params.queryNumber(ctx, "from", 1);
    Integer to = Params.queryNumber(ctx, "to", 1);
    if (from == null || to == null) {
      throw ApiException.badRequest(
          "give the two versions to compare: ?from=N&to=M",
          "list the project's versions: GET .../projects/{project}/versions");
    }
    Json.ok(
        ctx,
        catalogs
            .of(ctx)
            .parameters()
            .compare(FolderRoutes.folder(ctx), ProjectRoutes.project(ctx), from, to));
  }

  private void set(Context ctx, ObjectType type, String packageName) {
    ParameterValue body = Json.read(ctx, ParameterValue.class, CatalogApi.MAX_JSON_BYTES);
    if ((body.value() == null) == (body.reference() == null)) {
      throw ApiException.badRequest(
          "give either 'value' or 'reference', not both and not neither",
          "{\"value\": \"500\"} sets a literal; {\"reference\": \"VARIABLE\"} refers to an"
              + " environment variable");
    }
    Parameters parameters = catalogs.of(ctx).parameters();
    String folder = FolderRoutes.folder(ctx);
    String project = ProjectRoutes.project(ctx);
    String name = ctx.pathParam("name");
    ParameterInfo changed =
        body.value() != null
            ? parameters.setValue(folder, project, type, packageName, name, body.value())
            : parameters.setReference(folder, project, type, packageName, name, body.reference());
    Json.ok(ctx, changed);
  }

  private void clear(Context ctx, ObjectType type, String packageName) {
    Json.ok(
        ctx,
        catalogs
            .of(ctx)
            .parameters()
            .clearValue(
                FolderRoutes.folder(ctx),
                ProjectRoutes.project(ctx),
                type,
                packageName,
                ctx.pathParam("name")));
  }
}
