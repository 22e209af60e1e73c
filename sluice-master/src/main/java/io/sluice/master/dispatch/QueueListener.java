package io.sluice.master.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL} on a dedicated connection, and wakes waiting
 * polls the moment any process queues a task (the catalog's triggers notify; see the V30
 * migration); other channels may be listened to on the same connection, each with its own callback.
 * When the connection breaks it reconnects, and runs every callback once then, since notifications
 * sent meanwhile are lost. After a catalog failover the pool's new connection goes to the new
 * primary (the URL's {@code targetServerType=primary}), so listening resumes there.
 *
 * <p>A connection whose server vanished without closing it (a host that lost power, a network cut)
 * would wait for notifications forever without an error: a ping (bounded on the socket) every
 * {@value #PING_MILLIS} ms finds it out.
 */
public final class QueueListener implements AutoCloseable {

  public static final String CHANNEL = "sluice_task_queued";

  private static final Logger log = LoggerFactory.getLogger(QueueListener.class);
  private static final int WAIT_MILLIS = 500;
  private static final long PING_MILLIS = 5_000;

  private final DataSource dataSource;
  private final Map<String, Consumer<List<String>>> callbacks;
  private final Thread thread;
  private volatile boolean running = true;

  public QueueListener(DataSource dataSource, Runnable onQueued) {
    this(dataSource, Map.of(CHANNEL, payloads -> onQueued.run()));
  }

  /**
   * Listens on each channel of {@code callbacks} (fixed names, never input) and gives its callback
   * the payloads of one round of notifications (e.g. the ids of the tasks queued), or an EMPTY list
   * when notifications may have been missed (after (re)connecting).
   */
  public QueueListener(DataSource dataSource, Map<String, Consumer<List<String>>> callbacks) {
    this.dataSource = dataSource;
    this.callbacks = Map.copyOf(callbacks);
    this.thread = new Thread(this::loop, "sluice-queue-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long backoff = 100;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement listen = connection.createStatement()) {
          for (String channel : callbacks.keySet()) {
            listen.execute("listen " + channel);
          }
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        // Anything sent while we were not listening is lost: an empty list says so.
        callbacks.values().forEach(callback -> callback.accept(List.of()));
        backoff = 100;
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastPing = System.nanoTime();
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            Map<String, List<String>> payloads = new LinkedHashMap<>();
            for (PGNotification n : notifications) {
              payloads.computeIfAbsent(n.getName(), c -> new ArrayList<>()).add(n.getParameter());
            }
            payloads.forEach(
                (channel, sent) -> {
                  Consumer<List<String>> callback = callbacks.get(channel);
                  if (callback != null) {
                    callback.accept(sent);
                  }
                });
          }
          if (System.nanoTime() - lastPing > PING_MILLIS * 1_000_000) {
            ping(connection);
            lastPing = System.nanoTime();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("lost the catalog notification connection ({}); reconnecting", e.getMessage());
        sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** isValid bounds its wait on the socket itself, where a query timeout could hang. */
  private static void ping(Connection connection) throws SQLException {
    if (!connection.isValid((int) (PING_MILLIS / 1000))) {
      throw new SQLException("the catalog did not answer a ping within " + PING_MILLIS + " ms");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(WAIT_MILLIS * 4L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
