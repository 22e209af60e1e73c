package io.sluice.console.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.sluice.catalog.Catalog;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An execution's new messages as server-sent events, while it runs: the catalog's message read
 * asked again every {@link #POLL} for messages after the last one sent (each event's id is the
 * message id, so a browser that reconnects resumes with {@code Last-Event-ID}). Event {@code end}
 * once the execution has ended and every message is sent; {@code refused} without a live session.
 *
 * <p>No request thread waits: the connection is kept open asynchronously and a small shared
 * scheduler does the polling, so open execution pages cannot take the threads that serve workers'
 * long polls on the same server. At most {@link #MAX_STREAMS} streams are followed at once (a
 * browser beyond that is told to reload later). A stream lasts at most {@link #LONGEST}; the
 * browser then reconnects and the session is checked again. A comment every {@link #KEEP_ALIVE}
 * keeps idle connections open through the server's and proxies' idle time-outs.
 */
final class MessageStream {

  private static final Logger log = LoggerFactory.getLogger(MessageStream.class);

  static final Duration POLL = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofMinutes(5);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final int BATCH = 500;
  static final int MAX_STREAMS = 200;

  private final Guard guard;
  private final CallerCatalogs catalogs;
  private final AtomicInteger open = new AtomicInteger();
  private final ScheduledThreadPoolExecutor scheduler;

  MessageStream(Guard guard, CallerCatalogs catalogs) {
    this.guard = guard;
    this.catalogs = catalogs;
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            2,
            task -> {
              Thread thread = new Thread(task, "console-messages-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // Idle masters (and tests that start many) keep no thread for the console.
    scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    scheduler.setRemoveOnCancelPolicy(true);
  }

  void follow(SseClient client) {
    Context ctx = client.ctx();
    Optional<Session> session = guard.door().sessionUnused(ctx);
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
    if (open.incrementAndGet() > MAX_STREAMS) {
      open.decrementAndGet();
      client.sendEvent("busy", "{}");
      return;
    }
    Follower follower = new Follower(client, catalog, executionId, after);
    client.keepAlive();
    client.onClose(follower::stop);
    follower.future =
        scheduler.scheduleWithFixedDelay(follower::tick, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One browser following one execution. */
  private final class Follower {
    private final SseClient client;
    private final Catalog catalog;
    private final long executionId;
    private final long deadline = System.nanoTime() + LONGEST.toNanos();
    private long after;
    private long lastSent = System.nanoTime();
    private volatile ScheduledFuture<?> future;
    private volatile boolean stopped;

    Follower(SseClient client, Catalog catalog, long executionId, long after) {
      this.client = client;
      this.catalog = catalog;
      this.executionId = executionId;
      this.after = after;
    }

    void tick() {
      if (stopped) {
        // Stopped before the scheduler's future was known: end the ticks now.
        ScheduledFuture<?> scheduled = future;
        if (scheduled != null) {
          scheduled.cancel(false);
        }
        return;
      }
      try {
        if (client.terminated() || System.nanoTime() > deadline) {
          stop();
          return;
        }
        // The status first: messages stored before it ended are then all read below.
        boolean ended = catalog.executions().get(executionId).state().isFinal();
        List<EventMessage> batch;
        do {
          batch =
              catalog
                  .messages()
                  .ofExecution(executionId, MessageQuery.all().after(after).withLimit(BATCH));
          for (EventMessage m : batch) {
            client.sendEvent("message", json(m), String.valueOf(m.eventMessageId()));
            after = Math.max(after, m.eventMessageId());
            lastSent = System.nanoTime();
          }
        } while (batch.size() == BATCH && !client.terminated());
        if (ended) {
          client.sendEvent("end", "{}");
          stop();
        } else if (System.nanoTime() - lastSent > KEEP_ALIVE.toNanos()) {
          client.sendComment("keep-alive");
          lastSent = System.nanoTime();
        }
      } catch (RuntimeException e) {
        log.info("message stream of execution {} ended: {}", executionId, e.getMessage());
        stop();
      }
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      open.decrementAndGet();
      ScheduledFuture<?> scheduled = future;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      client.close();
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
