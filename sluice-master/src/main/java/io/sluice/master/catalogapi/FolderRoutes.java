package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.master.catalogapi.CatalogRequests.Description;
import io.sluice.master.catalogapi.CatalogRequests.NewFolder;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;

/** Folders: {@code /api/v1/folders[/{folder}]} (SSIS create_folder, delete_folder, folders). */
final class FolderRoutes implements RouteModule {

  static final String FOLDERS = ManagementAccess.BASE + "/folders";
  static final String FOLDER = FOLDERS + "/{folder}";

  private final CallerCatalogs catalogs;

  FolderRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(FOLDERS, ctx -> Json.ok(ctx, catalogs.of(ctx).folders().list()));
    routes.post(FOLDERS, this::create);
    routes.get(FOLDER, ctx -> Json.ok(ctx, catalogs.of(ctx).folders().get(folder(ctx))));
    routes.patch(FOLDER, this::describe);
    routes.delete(
        FOLDER,
        ctx -> {
          catalogs.of(ctx).folders().delete(folder(ctx));
          ctx.status(204);
        });
  }

  private void create(Context ctx) {
    NewFolder body = Json.read(ctx, NewFolder.class, CatalogApi.MAX_JSON_BYTES);
    Params.required(body.name(), "name");
    Json.write(ctx, 201, catalogs.of(ctx).folders().create(body.name(), body.description()));
  }

  private void describe(Context ctx) {
    Description body = Json.read(ctx, Description.class, CatalogApi.MAX_JSON_BYTES);
    Params.required(body.description(), "description");
    Json.ok(ctx, catalogs.of(ctx).folders().setDescription(folder(ctx), body.description()));
  }

  static String folder(Context ctx) {
    return ctx.pathParam("folder");
  }
}
