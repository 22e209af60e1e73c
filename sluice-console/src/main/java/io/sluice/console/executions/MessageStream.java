package io.sluice.console.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.console.session.ConsoleSessions.Session;
import io.sluice.console.web.Format;
import io.sluice.console.web.Guard;
import io.sluice.master.catalogapi.CallerCatalogs;
import io.sluice.master.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An execution's new messages as server-sent events, while it runs: the catalog's message read
 * asked again every {@link #POLL} for messages after the last one sent (each event's id is the
 * message id, so a browser that reconnects resumes with {@code Last-Event-ID}). Event {@code end}
 * once the execution has ended and every message is sent; {@code refused} without a live session. A
 * stream lasts at most {@link #LONGEST}; the browser then reconnects, and the session is checked
 * again.
 */
final class MessageStream {

  private static final Logger log = LoggerFactory.getLogger(MessageStream.class);

  static final Duration POLL = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofMinutes(5);
  static final int BATCH = 500;

  private final Guard guard;
  private final CallerCatalogs catalogs;

  MessageStream(Guard guard, CallerCatalogs catalogs) {
    this.guard = guard;
    this.catalogs = catalogs;
  }

  void follow(SseClient client) {
    Context ctx = client.ctx();
    Optional<Session> session = guard.door().session(ctx);
    if (session.isEmpty()) {
      client.sendEvent("refused", "{}");
      return;
    }
    Catalog catalog = catalogs.of(session.get().callerName());
    long executionId;
    long after;
    try {
      executionId = ExecutionPages.id(ctx);
      after = after(ctx);
      catalog.executions().get(executionId); // NOT_FOUND before any stream
    } catch (RuntimeException e) {
      client.sendEvent("end", "{}");
      return;
    }
    long deadline = System.nanoTime() + LONGEST.toNanos();
    try {
      while (!client.terminated() && System.nanoTime() < deadline) {
        // The status first: messages stored before it ended are then all read below.
        boolean ended = catalog.executions().get(executionId).state().isFinal();
        List<EventMessage> batch =
            catalog
                .messages()
                .ofExecution(executionId, MessageQuery.all().after(after).withLimit(BATCH));
        for (EventMessage m : batch) {
          client.sendEvent("message", json(m), String.valueOf(m.eventMessageId()));
          after = Math.max(after, m.eventMessageId());
        }
        if (ended && batch.size() < BATCH) {
          client.sendEvent("end", "{}");
          return;
        }
        if (batch.size() < BATCH) {
          Thread.sleep(POLL.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CatalogException | IllegalStateException e) {
      log.info("message stream of execution {} ended: {}", executionId, e.getMessage());
    }
  }

  /** Where to resume: the browser's Last-Event-ID on reconnect, else the page's last message. */
  private static long after(Context ctx) {
    String text = ctx.header("Last-Event-ID");
    if (text == null) {
      text = ctx.queryParam("after");
    }
    if (text == null || !text.matches("\\d{1,18}")) {
      return 0;
    }
    return Long.parseLong(text);
  }

  private static String json(EventMessage m) {
    try {
      return Json.MAPPER.writeValueAsString(
          Map.of(
              "id", m.eventMessageId(),
              "time", Format.time(m.messageTime()),
              "type", Format.messageType(m.messageType()),
              "typeCode", m.messageType(),
              "source", m.messageSourceName() == null ? "" : m.messageSourceName(),
              "message", m.message() == null ? "" : m.message()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
