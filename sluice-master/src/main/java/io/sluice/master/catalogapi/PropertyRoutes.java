package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.master.catalogapi.CatalogRequests.PropertyValue;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;

/** Catalog properties (SSIS catalog_properties, configure_catalog): {@code /api/v1/properties}. */
final class PropertyRoutes implements RouteModule {

  private static final String PROPERTIES = ManagementAccess.BASE + "/properties";
  private static final String PROPERTY = PROPERTIES + "/{name}";

  private final CallerCatalogs catalogs;

  PropertyRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PROPERTIES, ctx -> Json.ok(ctx, catalogs.of(ctx).properties().list()));
    routes.get(
        PROPERTY, ctx -> Json.ok(ctx, catalogs.of(ctx).properties().get(ctx.pathParam("name"))));
    routes.put(PROPERTY, this::set);
  }

  private void set(Context ctx) {
    PropertyValue body = Json.read(ctx, PropertyValue.class, CatalogApi.MAX_JSON_BYTES);
    Json.ok(
        ctx,
        catalogs
            .of(ctx)
            .properties()
            .set(ctx.pathParam("name"), Params.required(body.value(), "value")));
  }
}
