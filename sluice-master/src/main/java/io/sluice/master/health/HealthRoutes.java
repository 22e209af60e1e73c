package io.sluice.master.health;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.catalog.database.CatalogProbe;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.protocol.ErrorReply;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (only while the catalog answers
 * and accepts writes, so a load balancer steers workers elsewhere during a catalog outage or
 * failover) and {@code /metrics} (Prometheus).
 */
public final class HealthRoutes implements RouteModule {

  private final CatalogProbe probe;
  private final Duration timeout;
  private final PrometheusMeterRegistry metrics;

  public HealthRoutes(CatalogProbe probe, Duration timeout, PrometheusMeterRegistry metrics) {
    this.probe = probe;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/health/live", ctx -> Json.ok(ctx, Map.of("status", "UP")));
    routes.get(
        "/health/ready",
        ctx -> {
          String problem = catalogProblem();
          if (problem == null) {
            Json.ok(ctx, Map.of("status", "UP", "catalog", "UP"));
          } else {
            Json.write(
                ctx,
                503,
                new ErrorReply(
                    problem,
                    "check that the catalog's primary is up, writable and reachable from this"
                        + " master; catalog work is retried meanwhile"));
          }
        });
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  /** Null when the catalog accepts work now, else why not (see {@link CatalogProbe}). */
  private String catalogProblem() {
    return probe.problem(timeout).orElse(null);
  }
}
