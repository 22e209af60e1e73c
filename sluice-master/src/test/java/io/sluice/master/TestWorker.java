package io.sluice.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.protocol.ErrorReply;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.PollRequest;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.WorkerApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Drives the worker API as a worker would: java.net.http over mutual TLS with its certificate. */
public final class TestWorker {

  private static final ObjectMapper JSON = new ObjectMapper();

  public final String name;
  public UUID id;
  private final HttpClient http;
  private final int port;

  public TestWorker(String name, Path certificate, Path key, Path trustedCa, int port) {
    this.name = name;
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(
                TlsContexts.sslContext(
                    TlsContexts.keyStore(certificate, key), TlsContexts.trustStore(trustedCa)))
            .build();
  }

  /** An answer: its status and body. */
  public record Answer(int status, String body) {
    public <T> T as(Class<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
      }
    }

    public ErrorReply error() {
      return as(ErrorReply.class);
    }
  }

  /** POSTs raw JSON text; transport failures (TLS refusals) are thrown as they come. */
  public Answer postRaw(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  public Answer post(String path, Object body) {
    try {
      return postRaw(path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private <T> T ok(String path, Object body, Class<T> type) {
    Answer answer = post(path, body);
    if (answer.status() != 200) {
      throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.as(type);
  }

  public AgentHeartbeatReply heartbeat(RunningAttempt... running) {
    AgentHeartbeatReply reply =
        ok(
            WorkerApi.HEARTBEAT,
            new AgentHeartbeat(
                name, "test worker", List.of("test"), "host-" + name, 4, List.of(running)),
            AgentHeartbeatReply.class);
    id = reply.workerId();
    return reply;
  }

  public PollReply poll(int slots, long waitMillis) {
    return ok(WorkerApi.POLL, new PollRequest(slots, waitMillis), PollReply.class);
  }

  public TaskHeartbeatReply taskHeartbeat(long taskId, int attempt) {
    return ok(
        WorkerApi.forTask(WorkerApi.TASK_HEARTBEAT, taskId),
        new TaskHeartbeat(attempt),
        TaskHeartbeatReply.class);
  }

  public Answer events(long taskId, EventBatch batch) {
    return post(WorkerApi.forTask(WorkerApi.TASK_EVENTS, taskId), batch);
  }

  public Acknowledgement result(long taskId, TaskResult result) {
    return ok(WorkerApi.forTask(WorkerApi.TASK_RESULT, taskId), result, Acknowledgement.class);
  }
}
