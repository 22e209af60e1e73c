package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.report.CatalogReports;
import io.sluice.catalog.report.MessageFilter;
import io.sluice.engine.event.MessageType;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SSIS's standard catalog reports over REST ({@code /api/v1/reports/...}), the reads the console's
 * pages are made of: dashboard, executions (All Executions, paged), validations, messages (All
 * Messages, Error Messages), performance (Execution Performance) and connections. Each is one
 * {@link CatalogReports} call; "the last 24 hours" is the master's clock.
 */
final class ReportRoutes implements RouteModule {

  static final String REPORTS = ManagementAccess.BASE + "/reports";

  /** The window of messages and connections when the request gives none. */
  private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final CatalogReports reports;
  private final Clock clock;

  ReportRoutes(CatalogReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(REPORTS + "/dashboard", ctx -> Json.ok(ctx, reports.dashboard(clock.instant())));
    routes.get(
        REPORTS + "/executions",
        ctx -> Json.ok(ctx, reports.executions(ExecutionRoutes.filter(ctx))));
    routes.get(
        REPORTS + "/validations",
        ctx -> Json.ok(ctx, reports.validations(OperationRoutes.filter(ctx))));
    routes.get(REPORTS + "/messages", ctx -> Json.ok(ctx, reports.messages(messages(ctx))));
    routes.get(REPORTS + "/performance", this::performance);
    routes.get(REPORTS + "/connections", this::connections);
  }

  private void performance(Context ctx) {
    Json.ok(
        ctx,
        reports.performance(
            required(ctx, "folder"),
            required(ctx, "project"),
            required(ctx, "package"),
            Optional.ofNullable(Params.queryNumber(ctx, "runs", 1, 1_000)).orElse(10),
            clock.instant()));
  }

  private void connections(Context ctx) {
    Window window = window(ctx);
    Json.ok(
        ctx,
        reports.connections(
            window.since(),
            window.until(),
            Optional.ofNullable(Params.queryNumber(ctx, "limit", 1, 1_000)).orElse(100)));
  }

  private MessageFilter messages(Context ctx) {
    Set<MessageType> types =
        ctx.queryParams("type").stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .filter(text -> !text.isBlank())
            .map(MessageRoutes::type)
            .collect(Collectors.toSet());
    Window window = window(ctx);
    return new MessageFilter(
        types,
        window.since(),
        window.until(),
        Params.queryText(ctx, "folder"),
        Params.queryText(ctx, "project"),
        Params.queryText(ctx, "package"),
        Params.queryText(ctx, "before"),
        Optional.ofNullable(Params.queryNumber(ctx, "limit", 1, MessageFilter.MAX_LIMIT))
            .orElse(MessageFilter.DEFAULT_LIMIT));
  }

  /** A time window from {@code since} and {@code until}: by default the last 24 hours. */
  private record Window(Instant since, Instant until) {}

  private Window window(Context ctx) {
    Instant until = Optional.ofNullable(Params.queryTime(ctx, "until")).orElse(clock.instant());
    Instant since =
        Optional.ofNullable(Params.queryTime(ctx, "since")).orElse(until.minus(DEFAULT_WINDOW));
    if (!since.isBefore(until)) {
      throw ApiException.badRequest(
          "since=" + since + " is not before until=" + until,
          "give a window that starts before it ends");
    }
    return new Window(since, until);
  }

  private static String required(Context ctx, String name) {
    String value = Params.queryText(ctx, name);
    if (value == null) {
      throw ApiException.badRequest(
          "query parameter " + name + " is missing",
          "the report is of one package: give folder, project and package");
    }
    return value;
  }
}
