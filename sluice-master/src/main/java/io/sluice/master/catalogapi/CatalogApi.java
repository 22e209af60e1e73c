package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.report.CatalogReports;
import io.sluice.catalog.security.SecretDecryptionException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.MasterRoutes;
import io.sluice.protocol.ErrorReply;
import java.time.Clock;
import java.util.List;

/**
 * The catalog over REST ({@code /api/v1}, management port): every operation of {@link
 * io.sluice.catalog.Catalog}, one route class per area, so that {@code sluice ... --master URL}
 * works without catalog database credentials. {@link io.sluice.master.management.ManagementAccess}
 * has authenticated the caller and kept read-only callers to GET before any of these routes run.
 *
 * <p>Refusals are {@link ErrorReply} bodies: a catalog refusal keeps its message and hint, with 400
 * (invalid), 404 (not found) or 409 (conflict), so the CLI prints the same words locally and
 * remotely. Endpoints: docs/rest-api.md.
 */
public final class CatalogApi implements RouteModule {

  /** Largest JSON body: a variable value or a description, never more than a few kilobytes. */
  static final long MAX_JSON_BYTES = 1024 * 1024;

  private final List<RouteModule> areas;

  /**
   * @param master the master's own catalog context: its database and catalog key; each request
   *     works as its authenticated caller
   * @param maxArchiveBytes the largest project archive a deploy may send
   */
  public CatalogApi(CatalogContext master, long maxArchiveBytes) {
    this(master, maxArchiveBytes, Clock.systemUTC());
  }

  /**
   * @param clock what "now" is for the reports (the dashboard's last 24 hours)
   */
  public CatalogApi(CatalogContext master, long maxArchiveBytes, Clock clock) {
    CallerCatalogs catalogs = new CallerCatalogs(master);
    this.areas =
        List.of(
            new FolderRoutes(catalogs),
            new ProjectRoutes(catalogs, maxArchiveBytes),
            new ParameterRoutes(catalogs),
            new EnvironmentRoutes(catalogs),
            new ReferenceRoutes(catalogs),
            new ExecutionRoutes(catalogs),
            new MessageRoutes(catalogs),
            new OperationRoutes(catalogs),
            new PropertyRoutes(catalogs),
            new ReportRoutes(new CatalogReports(master), clock),
            // The cluster's masters are catalog rows too (master_node, leader_lease).
            new MasterRoutes(master.database().jdbi()),
            new OpenApiRoute());
  }

  @Override
  public void register(RoutesConfig routes) {
    areas.forEach(area -> area.register(routes));
    // The master's catalog key cannot read a stored secret: the operator of the master must act.
    routes.exception(
        SecretDecryptionException.class,
        (e, ctx) ->
            Json.write(
                ctx,
                500,
                new ErrorReply(
                    "the master cannot read a sensitive value: " + e.getMessage(),
                    "the master's catalog keyFile must be the key the values were stored with")));
  }
}
