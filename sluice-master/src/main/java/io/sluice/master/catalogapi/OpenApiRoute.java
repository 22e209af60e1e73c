package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 document of the whole management API, {@code GET /api/v1/openapi.json}: written by
 * hand next to the routes (a resource of this module), and kept true by OpenApiDocumentTest, which
 * compares its paths with the routes the master registers.
 */
final class OpenApiRoute implements RouteModule {

  static final String PATH = ManagementAccess.BASE + "/openapi.json";
  static final String RESOURCE = "/io/sluice/master/openapi.json";

  private final byte[] document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the master's jar lacks " + RESOURCE);
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> ctx.contentType("application/json").result(document));
  }
}
