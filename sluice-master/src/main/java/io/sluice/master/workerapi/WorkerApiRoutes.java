package io.sluice.master.workerapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.master.dispatch.TaskDispatcher;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.ClientCertificates;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.lease.AttemptReports;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.Fingerprints;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.PollRequest;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import io.sluice.protocol.worker.WorkerApi;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The worker API (/api/worker/v1). The caller is the worker whose certificate TLS verified; nothing
 * in a body can claim another identity.
 */
public final class WorkerApiRoutes implements RouteModule {

  private static final int MAX_SLOTS = 256;

  private final WorkerRegistry registry;
  private final TaskDispatcher dispatcher;
  private final AttemptReports reports;
  private final Duration maxPollWait;
  private final long maxRequestBytes;

  public WorkerApiRoutes(
      WorkerRegistry registry,
      TaskDispatcher dispatcher,
      AttemptReports reports,
      Duration maxPollWait,
      long maxRequestBytes) {
    this.registry = registry;
    this.dispatcher = dispatcher;
    this.reports = reports;
    this.maxPollWait = maxPollWait;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(WorkerApi.HEARTBEAT, this::heartbeat);
    routes.post(WorkerApi.POLL, this::poll);
    routes.post(WorkerApi.TASK_HEARTBEAT, this::taskHeartbeat);
    routes.post(WorkerApi.TASK_EVENTS, this::events);
    routes.post(WorkerApi.TASK_RESULT, this::result);
  }

  private void heartbeat(Context ctx) {
    String fingerprint = fingerprint(ctx);
    AgentHeartbeat heartbeat = Json.read(ctx, AgentHeartbeat.class, maxRequestBytes);
    Instant expires = ClientCertificates.of(ctx).map(c -> c.getNotAfter().toInstant()).orElse(null);
    Json.ok(ctx, registry.heartbeat(fingerprint, expires, heartbeat));
  }

  private void poll(Context ctx) {
    UUID worker = registry.require(fingerprint(ctx));
    PollRequest request = Json.read(ctx, PollRequest.class, maxRequestBytes);
    if (request.freeSlots() < 1 || request.freeSlots() > MAX_SLOTS) {
      throw ApiException.badRequest(
          "freeSlots must be between 1 and " + MAX_SLOTS + ", not " + request.freeSlots(),
          "poll only while the worker can start a task");
    }
    Duration wait =
        Duration.ofMillis(Math.max(0, Math.min(request.waitMillis(), maxPollWait.toMillis())));
    HttpPollClient client = new HttpPollClient(ctx);
    ctx.future(() -> dispatcher.poll(worker, request.freeSlots(), wait, client));
  }

  // Task reports look the worker up by a remembered id; their fenced statements match only workers
  // that are not removed, so a removed worker's report is refused as ABORT, turned into 403 here.

  private void taskHeartbeat(Context ctx) {
    String fingerprint = fingerprint(ctx);
    UUID worker = registry.idOf(fingerprint);
    long taskId = taskId(ctx);
    TaskHeartbeat heartbeat = Json.read(ctx, TaskHeartbeat.class, maxRequestBytes);
    TaskHeartbeatReply reply = reports.heartbeat(worker, taskId, heartbeat);
    if (reply.verdict() == Verdict.ABORT) {
      registry.refuseIfRemoved(fingerprint);
    }
    Json.ok(ctx, reply);
  }

  private void events(Context ctx) {
    String fingerprint = fingerprint(ctx);
    UUID worker = registry.idOf(fingerprint);
    long taskId = taskId(ctx);
    EventBatch batch = Json.read(ctx, EventBatch.class, maxRequestBytes);
    if (batch.sequence() < 1) {
      throw ApiException.badRequest(
          "event batch sequence must start at 1, not " + batch.sequence(),
          "number the batches of an attempt 1, 2, 3 ...");
    }
    Json.ok(ctx, refusedIfRemoved(fingerprint, reports.events(worker, taskId, batch)));
  }

  private void result(Context ctx) {
    String fingerprint = fingerprint(ctx);
    UUID worker = registry.idOf(fingerprint);
    long taskId = taskId(ctx);
    TaskResult result = Json.read(ctx, TaskResult.class, maxRequestBytes);
    Json.ok(ctx, refusedIfRemoved(fingerprint, reports.result(worker, taskId, result)));
  }

  private Acknowledgement refusedIfRemoved(String fingerprint, Acknowledgement ack) {
    if (ack.verdict() == Verdict.ABORT) {
      registry.refuseIfRemoved(fingerprint);
    }
    return ack;
  }

  private static String fingerprint(Context ctx) {
    X509Certificate certificate =
        ClientCertificates.of(ctx)
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "the worker API needs a client certificate",
                        "configure the worker's certificate (sluice cert worker NAME)"));
    if (CertificateAuthority.isAdministrator(certificate)) {
      throw ApiException.forbidden(
          "an administrator's certificate cannot act as a worker",
          "give the worker its own certificate: sluice cert worker NAME");
    }
    return Fingerprints.sha256(certificate);
  }

  private static long taskId(Context ctx) {
    String text = ctx.pathParam("taskId");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "'" + text + "' is not a task id", "task ids are the positive numbers in assignments");
  }
}
