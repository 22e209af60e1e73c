package io.sluice.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.console.dashboard.DashboardRoutes;
import io.sluice.console.executions.ExecutionPages;
import io.sluice.console.scaleout.ScaleOutRoutes;
import io.sluice.console.session.ConsoleSessions;
import io.sluice.console.signin.SignInRoutes;
import io.sluice.console.web.Assets;
import io.sluice.console.web.Door;
import io.sluice.console.web.Guard;
import io.sluice.console.web.PageException;
import io.sluice.console.web.Pages;
import io.sluice.master.catalogapi.CallerCatalogs;
import io.sluice.master.http.RouteModule;
import io.sluice.master.mount.MasterServices;
import java.util.List;

/**
 * The web console under {@code /console/} on the master's management port: server-rendered pages
 * (jte), htmx for the parts that refresh themselves, server-sent events for an execution's
 * messages. It acts through the master's own services — the caller's catalog (as the REST API opens
 * it), worker management, the masters' table — so a page and the REST API cannot disagree.
 */
final class ConsoleModule implements RouteModule {

  static final String BASE = "/console";

  /**
   * Scripts and styles from this origin only (no inline script or handler), no framing, no plugins;
   * forms post back to the console only.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final MasterServices services;
  private final Guard guard;
  private final Assets assets = new Assets();
  private final List<RouteModule> features;

  ConsoleModule(MasterServices services) {
    this.services = services;
    ConsoleSessions sessions =
        new ConsoleSessions(services.catalog().database().jdbi(), services.clock());
    this.guard = new Guard(new Door(sessions), new Pages(), services.masterName());
    CallerCatalogs catalogs = new CallerCatalogs(services.catalog());
    this.features =
        List.of(
            new SignInRoutes(guard, services),
            new DashboardRoutes(guard, services),
            new ExecutionPages(guard, services, catalogs),
            new ScaleOutRoutes(guard, services));
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.before(BASE, this::headers);
    routes.before(BASE + "/*", this::headers);
    routes.exception(
        PageException.class, (e, ctx) -> guard.error(ctx, "", null, e)); // from headers()
    // /console and /console/ are one path to Javalin (it ignores trailing slashes): the dashboard.
    routes.get(BASE + "/assets/{file}", assets::serve);
    features.forEach(feature -> feature.register(routes));
    // Last: any other path under /console is a page that does not exist, in words.
    routes.get(BASE + "/*", guard.read("", (ctx, viewer) -> notFound(ctx)));
    routes.post(BASE + "/*", guard.read("", (ctx, viewer) -> notFound(ctx)));
  }

  private static void notFound(Context ctx) {
    throw PageException.notFound(
        "there is no console page " + ctx.path(), "start from the dashboard: /console/");
  }

  /** What every console response says to the browser, and the management port only. */
  private void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!ctx.path().startsWith(BASE + "/assets/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (ctx.req().getLocalPort() == services.workerPort().getAsInt()) {
      throw PageException.notFound(
          "the console is not served on the worker port",
          "open it on the management port (managementPort:, default 8392): https://HOST:8392/console/");
    }
  }
}
