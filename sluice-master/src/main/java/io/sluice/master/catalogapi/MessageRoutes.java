package io.sluice.master.catalogapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.engine.event.MessageType;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An execution's event messages (SSIS event_messages): {@code GET
 * /api/v1/executions/{id}/messages?type=120,110&after=ID&limit=N}. To follow a running execution,
 * ask again with {@code after} = the greatest message id read so far.
 */
final class MessageRoutes implements RouteModule {

  private final CallerCatalogs catalogs;

  MessageRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(
        ExecutionRoutes.EXECUTION + "/messages",
        ctx ->
            Json.ok(
                ctx, catalogs.of(ctx).messages().ofExecution(ExecutionRoutes.id(ctx), query(ctx))));
  }

  private static MessageQuery query(Context ctx) {
    Set<MessageType> types =
        ctx.queryParams("type").stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .filter(text -> !text.isBlank())
            .map(MessageRoutes::type)
            .collect(Collectors.toSet());
    String after = Params.queryText(ctx, "after");
    long afterId = 0;
    if (after != null) {
      try {
        afterId = Long.parseLong(after);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "query parameter after='" + after + "' is not a message id",
            "give the id of the last message read, or 0 for all");
      }
    }
    int limit =
        Optional.ofNullable(Params.queryNumber(ctx, "limit", 1)).orElse(MessageQuery.DEFAULT_LIMIT);
    return new MessageQuery(types, afterId, limit);
  }

  static MessageType type(String text) {
    return MessageType.parse(text)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "unknown message type '" + text + "'",
                    "use a code or name, e.g. 120 or Error, 110 or Warning, 70 or Information"));
  }
}
