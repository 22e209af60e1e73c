package io.sluice.console.dashboard;

import io.javalin.config.RoutesConfig;
import io.sluice.catalog.report.CatalogReports;
import io.sluice.console.web.Guard;
import io.sluice.console.web.Viewer;
import io.sluice.master.http.RouteModule;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.mount.MasterServices;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard: the last 24 hours by status and per hour, what runs now and for how long, recent
 * failures with their first error, the queue, the busiest packages' durations, failed connections,
 * workers online and offline, masters and the leader. The catalog part is ONE read, the same as
 * {@code GET /api/v1/reports/dashboard} ({@link CatalogReports#dashboard}), by the master's clock.
 * Its live part refreshes itself every few seconds (htmx polling {@code /console/dashboard/live}).
 */
public final class DashboardRoutes implements RouteModule {

  static final long MASTER_ONLINE_WITHIN_MILLIS = 60_000;

  private final Guard guard;
  private final MasterServices services;
  private final CatalogReports reports;

  public DashboardRoutes(Guard guard, MasterServices services) {
    this.guard = guard;
    this.services = services;
    // Reads only, nothing recorded in the caller's name: the master's own catalog context serves.
    this.reports = new CatalogReports(services.catalog());
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        "/console/",
        guard.read(
            "dashboard", (ctx, viewer) -> guard.pages().page(ctx, "dashboard.jte", view(viewer))));
    routes.get(
        "/console/dashboard/live",
        guard.read(
            "dashboard",
            (ctx, viewer) -> guard.pages().page(ctx, "dashboard_live.jte", view(viewer))));
  }

  private DashboardView view(Viewer viewer) {
    Instant now = services.clock().instant();
    List<WorkerAgent> workers =
        services.workers().list().stream().filter(w -> w.removedTime() == null).toList();
    return new DashboardView(
        guard.chrome("Dashboard", "dashboard", viewer),
        now,
        reports.dashboard(now),
        workers,
        services.masters().list(MASTER_ONLINE_WITHIN_MILLIS),
        Leadership.current(services.catalog().database().jdbi())
            .map(Leadership::holder)
            .orElse(null));
  }
}
