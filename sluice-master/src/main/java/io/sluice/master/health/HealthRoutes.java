package io.sluice.master.health;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.protocol.ErrorReply;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (only while the catalog
 * answers, so a load balancer steers workers elsewhere) and {@code /metrics} (Prometheus).
 */
public final class HealthRoutes implements RouteModule {

  private final DataSource catalog;
  private final Duration timeout;
  private final PrometheusMeterRegistry metrics;

  public HealthRoutes(DataSource catalog, Duration timeout, PrometheusMeterRegistry metrics) {
    this.catalog = catalog;
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
                    "the catalog does not answer: " + problem,
                    "check that the catalog database is up and reachable from this master"));
          }
        });
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  /** Null when the catalog answered a query within the timeout, else what went wrong. */
  private String catalogProblem() {
    try (Connection connection = catalog.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      statement.execute("select 1");
      return null;
    } catch (Exception e) {
      return e.getMessage();
    }
  }
}
