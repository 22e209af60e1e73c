package io.sluice.console.executions;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.report.CatalogReports;
import io.sluice.console.web.Guard;
import io.sluice.console.web.PageException;
import io.sluice.console.web.Viewer;
import io.sluice.master.catalogapi.CallerCatalogs;
import io.sluice.master.http.RouteModule;
import io.sluice.master.mount.MasterServices;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Executions: the list (filters, a page at a time with the total), an execution's page (parameters
 * used, worker, attempts, messages following live while it runs), and its actions: stop, and run
 * again with the same values.
 */
public final class ExecutionPages implements RouteModule {

  static final String LIST = "/console/executions";
  static final String ONE = LIST + "/{id}";

  /** Messages on the page at first; the rest follow over the stream. */
  static final int FIRST_MESSAGES = 1000;

  private final Guard guard;
  private final MasterServices services;
  private final CallerCatalogs catalogs;
  private final MessageStream stream;
  private final CatalogReports reports;

  public ExecutionPages(Guard guard, MasterServices services, CallerCatalogs catalogs) {
    this.guard = guard;
    this.services = services;
    this.catalogs = catalogs;
    this.stream = new MessageStream(guard, catalogs);
    this.reports = new CatalogReports(services.catalog());
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(LIST, guard.read("executions", this::list));
    routes.get(ONE, guard.read("executions", (ctx, viewer) -> show(ctx, viewer, "execution.jte")));
    routes.get(
        ONE + "/status",
        guard.read("executions", (ctx, viewer) -> show(ctx, viewer, "execution_status.jte")));
    routes.sse(ONE + "/messages", stream::follow);
    routes.post(ONE + "/stop", guard.change("executions", this::stop));
    routes.post(ONE + "/run-again", guard.change("executions", this::runAgain));
  }

  private void list(Context ctx, Viewer viewer) {
    ExecutionsView.Filter typed =
        new ExecutionsView.Filter(
            text(ctx, "folder"),
            text(ctx, "project"),
            text(ctx, "package"),
            text(ctx, "status"),
            text(ctx, "since"),
            text(ctx, "until"),
            text(ctx, "worker"),
            text(ctx, "caller"),
            before(ctx),
            limit(ctx));
    ExecutionFilter filter =
        new ExecutionFilter(
            blankToNull(typed.folder()),
            blankToNull(typed.project()),
            blankToNull(typed.packageName()),
            typed.status().isEmpty() ? null : OperationStatus.parse(typed.status()),
            time("since", typed.since()),
            time("until", typed.until()),
            null,
            null,
            blankToNull(typed.worker()),
            blankToNull(typed.caller()),
            typed.before(),
            typed.limit());
    // One read, as GET /api/v1/reports/executions: the page, whether there is an older one, and
    // how many match (counted up to CatalogReports.COUNT_CAP).
    guard
        .pages()
        .page(
            ctx,
            "executions.jte",
            new ExecutionsView(
                guard.chrome("Executions", "executions", viewer),
                services.clock().instant(),
                typed,
                reports.executions(filter)));
  }

  private void show(Context ctx, Viewer viewer, String template) {
    long id = id(ctx);
    Catalog catalog = catalog(viewer);
    Execution execution = catalog.executions().get(id);
    boolean whole = template.equals("execution.jte");
    List<EventMessage> messages =
        whole
            ? catalog.messages().ofExecution(id, MessageQuery.all().withLimit(FIRST_MESSAGES + 1))
            : List.of();
    Instant now = services.clock().instant();
    // The same read as GET /api/v1/executions/{id}/statistics, once per page (not on the refresh).
    StatisticsView statistics =
        whole ? StatisticsView.of(catalog.executions().statistics(id), now) : null;
    boolean more = messages.size() > FIRST_MESSAGES;
    if (more) {
      messages = messages.subList(0, FIRST_MESSAGES);
    }
    long last = messages.stream().mapToLong(EventMessage::eventMessageId).max().orElse(0);
    guard
        .pages()
        .page(
            ctx,
            template,
            new ExecutionView(
                guard.chrome("Execution " + id, "executions", viewer),
                now,
                execution,
                catalog.executions().parameterValues(id),
                catalog.executions().propertyOverrides(id),
                catalog.executions().warnings(id),
                messages,
                last,
                more,
                RunAgain.notice(ctx),
                statistics));
  }

  private void stop(Context ctx, Viewer viewer) {
    long id = id(ctx);
    catalog(viewer).executions().stop(id);
    ctx.redirect(LIST + "/" + id, HttpStatus.SEE_OTHER);
  }

  private void runAgain(Context ctx, Viewer viewer) {
    long id = id(ctx);
    RunAgain.Started started = new RunAgain(catalog(viewer).executions()).from(id);
    ctx.redirect(
        LIST + "/" + started.executionId() + "?from=" + id + "&skipped=" + started.skipped(),
        HttpStatus.SEE_OTHER);
  }

  private Catalog catalog(Viewer viewer) {
    return catalogs.of(viewer.name());
  }

  static long id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PageException.notFound(
        "there is no execution '" + text + "': execution ids are whole numbers from 1 up",
        "pick one from the list of executions");
  }

  private static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.trim();
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  /** The keyset cursor of an older page: the last execution id of the page before. */
  private static Long before(Context ctx) {
    String text = text(ctx, "before");
    if (text.isEmpty()) {
      return null;
    }
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PageException.badRequest(
        "list the executions before '" + text + "'? that is not an execution id",
        "follow the Older link, or start from the newest: /console/executions");
  }

  private static int limit(Context ctx) {
    String text = text(ctx, "limit");
    if (text.isEmpty()) {
      return ExecutionFilter.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PageException.badRequest(
        "show '" + text + "' executions? give a whole number from 1 to 1000", "e.g. 100");
  }

  /** A time as the form's datetime-local field sends it (UTC), or as ISO-8601. */
  static Instant time(String field, String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return text.endsWith("Z")
          ? Instant.parse(text)
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw PageException.badRequest(
          field + " '" + text + "' is not a time", "give a UTC time such as 2026-12-07T21:00");
    }
  }
}
