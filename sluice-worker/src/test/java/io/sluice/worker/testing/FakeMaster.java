package io.sluice.worker.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.sluice.protocol.ErrorReply;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.PollRequest;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.protocol.worker.WorkerApi;
import io.sluice.worker.client.MasterClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the master's worker API over real mutual-TLS HTTPS, keeping its state in memory
 * and applying the contract's rules (a batch stored only if its sequence is the next one, fencing
 * by attempt). Used until the real master's worker API can be started in these tests.
 */
public final class FakeMaster implements AutoCloseable {

  private HttpsServer server;
  private final SSLContext ssl;
  private final ObjectMapper json = MasterClient.objectMapper();
  public final BlockingQueue<TaskAssignment> queue = new LinkedBlockingQueue<>();
  public final Map<Long, Integer> currentAttempt = new ConcurrentHashMap<>();

  /** Stored batches per "taskId/attempt", in the order stored. */
  public final Map<String, List<EventBatch>> stored = new ConcurrentHashMap<>();

  public final Map<String, TaskResult> results = new ConcurrentHashMap<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger agentHeartbeats = new AtomicInteger();
  public final AtomicInteger taskHeartbeats = new AtomicInteger();
  public final Map<Long, Verdict> taskVerdicts = new ConcurrentHashMap<>();
  public final List<RunningAttempt> abortList = new CopyOnWriteArrayList<>();
  public volatile boolean enabled = true;
  public volatile int refuseWith; // e.g. 403 to refuse every call
  public volatile long leaseMillis = 10_000;
  public final UUID workerId = UUID.randomUUID();

  private FakeMaster(SSLContext ssl) {
    this.ssl = ssl;
  }

  public static FakeMaster start(SSLContext ssl, int port) throws IOException {
    FakeMaster master = new FakeMaster(ssl);
    master.server = master.listen(port);
    return master;
  }

  /** Goes away (connections refused) until {@link #resume()}; its state is kept. */
  public void pause() {
    int port = port();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    pausedPort = port;
  }

  private int pausedPort;

  public void resume() throws IOException {
    server = listen(pausedPort);
  }

  private HttpsServer listen(int port) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(ssl) {
          @Override
          public void configure(HttpsParameters params) {
            javax.net.ssl.SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(WorkerApi.BASE, this::handle);
    server.start();
    return server;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String endpoint() {
    return "https://localhost:" + port();
  }

  /** Queues attempt 1 of a task (or the next attempt if it ran before). */
  public TaskAssignment submit(long taskId, String packageName, byte[] archive, long timeout) {
    int attempt = currentAttempt.merge(taskId, 1, Integer::sum);
    TaskAssignment task =
        new TaskAssignment(
            taskId,
            1000 + taskId,
            attempt,
            leaseMillis,
            "folder",
            "project",
            packageName,
            3,
            archive,
            List.of(),
            timeout);
    queue.add(task);
    return task;
  }

  public List<EventBatch> batches(long taskId, int attempt) {
    return stored.getOrDefault(taskId + "/" + attempt, List.of());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      calls.add(path);
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (refuseWith != 0) {
        reply(exchange, refuseWith, new ErrorReply("worker refused", "enable it"));
        return;
      }
      Object answer;
      if (path.equals(WorkerApi.HEARTBEAT)) {
        json.readValue(body, AgentHeartbeat.class);
        agentHeartbeats.incrementAndGet();
        answer = new AgentHeartbeatReply(workerId, enabled, List.copyOf(abortList), null);
      } else if (path.equals(WorkerApi.POLL)) {
        PollRequest request = json.readValue(body, PollRequest.class);
        List<TaskAssignment> tasks = new ArrayList<>();
        TaskAssignment first =
            queue.poll(Math.min(request.waitMillis(), 300), TimeUnit.MILLISECONDS);
        if (first != null) {
          tasks.add(first);
          queue.drainTo(tasks, request.freeSlots() - 1);
        }
        answer = new PollReply(tasks);
      } else {
        String[] parts = path.substring((WorkerApi.BASE + "/tasks/").length()).split("/");
        long taskId = Long.parseLong(parts[0]);
        answer =
            switch (parts[1]) {
              case "heartbeat" -> taskHeartbeat(taskId, json.readValue(body, TaskHeartbeat.class));
              case "events" -> events(taskId, json.readValue(body, EventBatch.class));
              default -> result(taskId, json.readValue(body, TaskResult.class));
            };
      }
      reply(exchange, 200, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Verdict fence(long taskId, int attempt) {
    Integer current = currentAttempt.get(taskId);
    if (current == null || current != attempt) {
      return Verdict.ABORT;
    }
    return taskVerdicts.getOrDefault(taskId, Verdict.ACCEPTED);
  }

  private TaskHeartbeatReply taskHeartbeat(long taskId, TaskHeartbeat beat) {
    taskHeartbeats.incrementAndGet();
    Verdict verdict = fence(taskId, beat.attempt());
    return new TaskHeartbeatReply(verdict, verdict == Verdict.ABORT ? 0 : leaseMillis);
  }

  private synchronized Acknowledgement events(long taskId, EventBatch batch) {
    Verdict verdict = fence(taskId, batch.attempt());
    if (verdict != Verdict.ABORT) {
      List<EventBatch> list =
          stored.computeIfAbsent(taskId + "/" + batch.attempt(), k -> new CopyOnWriteArrayList<>());
      if (batch.sequence() == list.size() + 1) {
        list.add(batch);
      }
    }
    return new Acknowledgement(verdict);
  }

  private synchronized Acknowledgement result(long taskId, TaskResult result) {
    Verdict verdict = fence(taskId, result.attempt());
    if (verdict != Verdict.ABORT && result.finalBatch() != null) {
      events(taskId, result.finalBatch()); // stored first, as the master does
    }
    if (verdict != Verdict.ABORT) {
      results.put(taskId + "/" + result.attempt(), result);
    }
    return new Acknowledgement(verdict);
  }

  private void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
