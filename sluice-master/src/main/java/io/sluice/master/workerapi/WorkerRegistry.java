package io.sluice.master.workerapi;

import io.sluice.engine.project.InvisibleCharacters;
import io.sluice.engine.project.ObjectNames;
import io.sluice.master.http.ApiException;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.RunningAttempt;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Workers as the catalog knows them, by certificate fingerprint: a worker IS its certificate. The
 * first heartbeat of an unknown certificate registers it DISABLED (as SSIS does); a removed
 * worker's certificate is refused for good.
 */
public final class WorkerRegistry {

  private final Jdbi jdbi;
  // A certificate's worker id never changes (a removed worker keeps its row; rows are never
  // deleted), so it is safe to remember: task reports skip a catalog round trip for it, and check
  // removal inside their own fenced statements instead (see idOf).
  private final Map<String, UUID> ids = new ConcurrentHashMap<>();

  public WorkerRegistry(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private record Known(UUID id, boolean enabled, boolean removed) {}

  /**
   * Registers or refreshes the worker, and lists the attempts it reported that are no longer its
   * own (expired and re-queued, ended, or never its), which it must abort.
   */
  public AgentHeartbeatReply heartbeat(String fingerprint, AgentHeartbeat heartbeat) {
    return heartbeat(fingerprint, null, heartbeat);
  }

  /**
   * A worker's heartbeat; {@code certificateExpires}: when the certificate it presented expires
   * (recorded for operators), or null when unknown.
   */
  public AgentHeartbeatReply heartbeat(
      String fingerprint, Instant certificateExpires, AgentHeartbeat heartbeat) {
    return jdbi.inTransaction(
        handle -> {
          Known worker = registerOrTouch(handle, fingerprint, certificateExpires, heartbeat);
          refuseRemoved(worker);
          List<RunningAttempt> abort = new ArrayList<>();
          for (RunningAttempt running : nullSafe(heartbeat.running())) {
            if (!isCurrent(handle, worker.id(), running)) {
              abort.add(running);
            }
          }
          String message =
              worker.enabled()
                  ? null
                  : "worker "
                      + worker.id()
                      + " is registered but disabled: it gets no task until an administrator"
                      + " runs: sluice workers enable "
                      + worker.id();
          return new AgentHeartbeatReply(worker.id(), worker.enabled(), abort, message);
        });
  }

  /** The id of a registered, not removed worker; what every task endpoint checks first. */
  public UUID require(String fingerprint) {
    Known worker =
        jdbi.withHandle(handle -> find(handle, fingerprint))
            .orElseThrow(
                () ->
                    ApiException.forbidden(
                        "this certificate (" + fingerprint + ") belongs to no registered worker",
                        "the worker registers itself with its first heartbeat; send one first"));
    refuseRemoved(worker);
    return worker.id();
  }

  /**
   * The id of a registered worker, remembered after the first look-up. Removal is NOT checked here:
   * the task reports' fenced statements match only workers that are not removed, and answer ABORT
   * otherwise, after which {@link #refuseIfRemoved} turns a removed worker's ABORT into 403.
   */
  public UUID idOf(String fingerprint) {
    UUID known = ids.get(fingerprint);
    if (known != null) {
      return known;
    }
    UUID id = require(fingerprint);
    ids.put(fingerprint, id);
    return id;
  }

  /** Refuses (403) a worker that was removed; what a fenced report checks when it is refused. */
  public void refuseIfRemoved(String fingerprint) {
    jdbi.withHandle(handle -> find(handle, fingerprint)).ifPresent(WorkerRegistry::refuseRemoved);
  }

  private static void refuseRemoved(Known worker) {
    if (worker.removed()) {
      throw ApiException.forbidden(
          "worker " + worker.id() + " was removed; its certificate is no longer accepted",
          "to bring this machine back, issue it a new certificate: sluice cert worker NAME");
    }
  }

  private static Known registerOrTouch(
      Handle handle, String fingerprint, Instant certificateExpires, AgentHeartbeat hb) {
    // Display name, description and tags are taken from the worker only when it registers: after
    // that an operator's `sluice workers set` is the truth, and a heartbeat must not undo it. So
    // they are checked only then: a worker registered before the checks keeps working.
    if (find(handle, fingerprint).isEmpty()) {
      refuseUnshowable(hb);
    }
    return handle
        .createQuery(
            """
            insert into worker_agent (worker_agent_id, display_name, description, tags,
                                      machine_name, certificate_fingerprint, max_tasks,
                                      last_online_time, certificate_expires_time)
            values (:id, :displayName, :description, :tags, :machineName, :fingerprint, :maxTasks,
                    now(), :expires)
            on conflict (certificate_fingerprint) do update
                set machine_name = excluded.machine_name,
                    certificate_expires_time = coalesce(excluded.certificate_expires_time,
                                                        worker_agent.certificate_expires_time),
                    max_tasks = excluded.max_tasks,
                    last_online_time = case when worker_agent.removed_time is null then now()
                                            else worker_agent.last_online_time end
            returning worker_agent_id, enabled, removed_time is not null as removed
            """)
        .bind("id", UUID.randomUUID())
        .bind("displayName", orEmpty(hb.displayName()))
        .bind("description", orEmpty(hb.description()))
        .bind("tags", nullSafe(hb.tags()).toArray(String[]::new))
        .bind("machineName", hb.machineName() == null ? "unknown" : hb.machineName())
        .bind("fingerprint", fingerprint)
        .bind("maxTasks", hb.maxTasks())
        .bind("expires", certificateExpires == null ? null : Timestamp.from(certificateExpires))
        .map(
            (rs, ctx) ->
                new Known(
                    rs.getObject("worker_agent_id", UUID.class),
                    rs.getBoolean("enabled"),
                    rs.getBoolean("removed")))
        .one();
  }

  /**
   * Refuses (400) to register a worker whose display name or tags hold a control or invisible
   * character (they are shown to operators and matched by --worker-tag), or whose description is
   * longer than the catalog keeps; worker.yaml refuses them too, this is for any other client.
   */
  private static void refuseUnshowable(AgentHeartbeat hb) {
    List<String> problems = new ArrayList<>();
    InvisibleCharacters.problem("this worker's displayName", hb.displayName())
        .ifPresent(problems::add);
    for (String tag : nullSafe(hb.tags())) {
      InvisibleCharacters.problem("this worker's tag", tag).ifPresent(problems::add);
    }
    ObjectNames.descriptionProblem("this worker's", hb.description()).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(
          String.join("; ", problems),
          "correct displayName, description or tags in worker.yaml and restart the worker (a"
              + " character that does not show usually came with a paste: type the text again)");
    }
  }

  private static Optional<Known> find(Handle handle, String fingerprint) {
    return handle
        .createQuery(
            """
            select worker_agent_id, enabled, removed_time is not null as removed
            from worker_agent where certificate_fingerprint = :fingerprint
            """)
        .bind("fingerprint", fingerprint)
        .map(
            (rs, ctx) ->
                new Known(
                    rs.getObject("worker_agent_id", UUID.class),
                    rs.getBoolean("enabled"),
                    rs.getBoolean("removed")))
        .findOne();
  }

  private static boolean isCurrent(Handle handle, UUID workerId, RunningAttempt running) {
    return handle
            .createQuery(
                """
                select count(*) from scale_out_task
                where task_id = :taskId and attempt = :attempt and status = 'RUNNING'
                  and worker_agent_id = :workerId
                """)
            .bind("taskId", running.taskId())
            .bind("attempt", running.attempt())
            .bind("workerId", workerId)
            .mapTo(int.class)
            .one()
        == 1;
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
