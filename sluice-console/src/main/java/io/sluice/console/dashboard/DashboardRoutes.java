package io.sluice.console.dashboard;

import io.javalin.config.RoutesConfig;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.console.web.Guard;
import io.sluice.console.web.Viewer;
import io.sluice.engine.event.MessageType;
import io.sluice.master.catalogapi.CallerCatalogs;
import io.sluice.master.http.RouteModule;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.mount.MasterServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The dashboard: what runs now and for how long, recent failures with their first error, workers
 * online and offline, masters and the leader, from the reads that exist today. Its live part
 * refreshes itself every few seconds (htmx polling {@code /console/dashboard/live}). The counts of
 * the last 24 h by status and the charts wait for the REST API's dashboard summary read.
 */
public final class DashboardRoutes implements RouteModule {

  static final int RUNNING_SHOWN = 50;
  static final int FAILURES_SHOWN = 10;
  static final long MASTER_ONLINE_WITHIN_MILLIS = 60_000;

  private final Guard guard;
  private final MasterServices services;
  private final CallerCatalogs catalogs;

  public DashboardRoutes(Guard guard, MasterServices services, CallerCatalogs catalogs) {
    this.guard = guard;
    this.services = services;
    this.catalogs = catalogs;
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
    Catalog catalog = catalogs.of(viewer.name());
    Instant now = services.clock().instant();
    List<Execution> running =
        catalog
            .executions()
            .list(
                ExecutionFilter.all().withStatus(OperationStatus.RUNNING).withLimit(RUNNING_SHOWN));
    int pending =
        catalog
            .executions()
            .list(
                ExecutionFilter.all()
                    .withStatus(OperationStatus.PENDING)
                    .withLimit(DashboardView.MORE))
            .size();
    List<DashboardView.Failure> failures =
        catalog
            .executions()
            .list(
                ExecutionFilter.all()
                    .withStatus(OperationStatus.FAILED)
                    .since(now.minus(Duration.ofDays(1)))
                    .withLimit(FAILURES_SHOWN))
            .stream()
            .map(e -> new DashboardView.Failure(e, firstError(catalog, e.executionId())))
            .toList();
    List<WorkerAgent> workers =
        services.workers().list().stream().filter(w -> w.removedTime() == null).toList();
    return new DashboardView(
        guard.chrome("Dashboard", "dashboard", viewer),
        now,
        running,
        pending,
        failures,
        workers,
        services.masters().list(MASTER_ONLINE_WITHIN_MILLIS),
        Leadership.current(services.catalog().database().jdbi())
            .map(Leadership::holder)
            .orElse(null));
  }

  private static String firstError(Catalog catalog, long executionId) {
    List<EventMessage> errors =
        catalog
            .messages()
            .ofExecution(
                executionId, MessageQuery.all().ofTypes(Set.of(MessageType.ERROR)).withLimit(1));
    return errors.isEmpty() ? null : errors.get(0).message();
  }
}
