package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.environment.VariableType;
import io.sluice.master.catalogapi.CatalogRequests.Description;
import io.sluice.master.catalogapi.CatalogRequests.NewEnvironment;
import io.sluice.master.catalogapi.CatalogRequests.VariableValue;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;

/**
 * Environments and their variables (SSIS create_environment, environments,
 * set_environment_variable_value, environment_variables): {@code
 * /api/v1/folders/{folder}/environments[/{environment}[/variables[/{name}]]]}.
 */
final class EnvironmentRoutes implements RouteModule {

  private static final String FOLDER_ENVIRONMENTS = FolderRoutes.FOLDER + "/environments";
  private static final String ENVIRONMENT = FOLDER_ENVIRONMENTS + "/{environment}";
  private static final String VARIABLES = ENVIRONMENT + "/variables";

  private final CallerCatalogs catalogs;

  EnvironmentRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        ManagementAccess.BASE + "/environments",
        ctx -> Json.ok(ctx, catalogs.of(ctx).environments().list(null)));
    routes.get(
        FOLDER_ENVIRONMENTS,
        ctx -> Json.ok(ctx, catalogs.of(ctx).environments().list(FolderRoutes.folder(ctx))));
    routes.post(FOLDER_ENVIRONMENTS, this::create);
    routes.get(
        ENVIRONMENT,
        ctx ->
            Json.ok(
                ctx,
                catalogs.of(ctx).environments().get(FolderRoutes.folder(ctx), environment(ctx))));
    routes.patch(ENVIRONMENT, this::describe);
    routes.delete(
        ENVIRONMENT,
        ctx -> {
          catalogs.of(ctx).environments().delete(FolderRoutes.folder(ctx), environment(ctx));
          ctx.status(204);
        });
    routes.get(
        VARIABLES,
        ctx ->
            Json.ok(
                ctx,
                catalogs
                    .of(ctx)
                    .environments()
                    .listVariables(FolderRoutes.folder(ctx), environment(ctx))));
    routes.put(VARIABLES + "/{name}", this::setVariable);
    routes.delete(
        VARIABLES + "/{name}",
        ctx -> {
          catalogs
              .of(ctx)
              .environments()
              .deleteVariable(FolderRoutes.folder(ctx), environment(ctx), ctx.pathParam("name"));
          ctx.status(204);
        });
  }

  private void create(Context ctx) {
    NewEnvironment body = Json.read(ctx, NewEnvironment.class, CatalogApi.MAX_JSON_BYTES);
    Params.required(body.name(), "name");
    Json.write(
        ctx,
        201,
        catalogs
            .of(ctx)
            .environments()
            .create(FolderRoutes.folder(ctx), body.name(), body.description()));
  }

  private void describe(Context ctx) {
    Description body = Json.read(ctx, Description.class, CatalogApi.MAX_JSON_BYTES);
    Params.required(body.description(), "description");
    Json.ok(
        ctx,
        catalogs
            .of(ctx)
            .environments()
            .setDescription(FolderRoutes.folder(ctx), environment(ctx), body.description()));
  }

  private void setVariable(Context ctx) {
    VariableValue body = Json.read(ctx, VariableValue.class, CatalogApi.MAX_JSON_BYTES);
    String typeName = Params.required(body.type(), "type");
    VariableType type =
        VariableType.fromName(typeName)
            .orElseThrow(
                () ->
                    CatalogException.invalid(
                        "unknown variable type '" + typeName + "'",
                        "use one of: " + VariableType.names()));
    Json.ok(
        ctx,
        catalogs
            .of(ctx)
            .environments()
            .setVariable(
                FolderRoutes.folder(ctx),
                environment(ctx),
                ctx.pathParam("name"),
                type,
                Params.required(body.value(), "value"),
                body.sensitive(),
                body.description()));
  }

  private static String environment(Context ctx) {
    return ctx.pathParam("environment");
  }
}
