package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.operation.OperationStatus;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which workers may run a Scale Out execution, and why it may wait for ever. A worker that does not
 * exist or was removed is refused when it is named: nothing could ever run the execution there. A
 * disabled worker, or tags no enabled worker has, are accepted (an operator may enable one or tag
 * one), but said at once: the execution otherwise sits in the queue in silence.
 *
 * <p>The rules are those of the master's task assignment (TaskAssigner): a worker is enabled and
 * not removed, named for the execution unless it may use any worker, and has every tag it requires.
 */
final class ExecutionWorkers {

  private ExecutionWorkers() {}

  /** Why an execution waits; {@code lasting}: only an operator ends it (it is worth a message). */
  record WaitReason(String message, boolean lasting) {}

  /** A worker as the reasons need it. */
  private record Worker(
      UUID id,
      String name,
      boolean enabled,
      boolean removed,
      List<String> tags,
      boolean online,
      boolean named) {

    boolean usable() {
      return enabled && !removed;
    }

    String state() {
      return removed ? "removed" : enabled ? "enabled" : "disabled";
    }
  }

  /** Refuses a worker that does not exist or was removed: an execution could never run on it. */
  static void requireUsable(Handle handle, UUID workerId) {
    List<Boolean> removed =
        handle
            .createQuery(
                "select removed_time is not null from worker_agent where worker_agent_id = :id")
            .bind("id", workerId)
            .mapTo(Boolean.class)
            .list();
    if (removed.isEmpty()) {
      throw CatalogException.notFound(
          "there is no worker agent " + workerId,
          "check the id: a worker appears in the catalog once it has registered (sluice workers"
              + " list shows them)");
    }
    if (removed.get(0)) {
      throw CatalogException.conflict(
          "worker " + workerId + " was removed: an execution named for it could never run",
          "name a worker that sluice workers list shows as enabled or disabled");
    }
  }

  /** Names a worker for the execution (a repeat changes nothing). */
  static void add(Handle handle, long executionId, UUID workerId) {
    handle
        .createUpdate(
            """
            insert into execution_worker (execution_id, worker_agent_id)
            values (:executionId, :workerId)
            on conflict do nothing
            """)
        .bind("executionId", executionId)
        .bind("workerId", workerId)
        .execute();
  }

  /**
   * Why a Scale Out execution that has not begun (1 created or 5 pending) cannot run now; empty
   * when a worker that may run it is enabled and online ({@link WorkerPresence}), or when it is not
   * waiting.
   */
  static List<WaitReason> reasons(Handle handle, Execution execution) {
    int status = execution.status();
    if (!execution.runInScaleOut()
        || (status != OperationStatus.CREATED.code() && status != OperationStatus.PENDING.code())) {
      return List.of();
    }
    long id = execution.executionId();
    List<Worker> workers = workers(handle, id);
    List<Worker> candidates =
        execution.useAnyWorker() ? workers : workers.stream().filter(Worker::named).toList();
    if (!execution.useAnyWorker() && candidates.isEmpty()) {
      return List.of(); // none named yet: start refuses it and says how to name one
    }
    List<Worker> usable = candidates.stream().filter(Worker::usable).toList();
    List<String> tags = execution.requiredWorkerTags();
    // With tags, enabling a worker helps only if it has them: say what is missing, the tags,
    // unless no worker is there to enable or tag at all.
    if (usable.isEmpty() && (tags.isEmpty() || candidates.stream().allMatch(Worker::removed))) {
      return List.of(new WaitReason(noneEnabled(execution, candidates), true));
    }
    if (!tags.isEmpty()) {
      List<Worker> tagged = usable.stream().filter(w -> w.tags().containsAll(tags)).toList();
      if (tagged.isEmpty()) {
        List<Worker> disabledTagged =
            candidates.stream()
                .filter(w -> !w.removed() && !w.enabled() && w.tags().containsAll(tags))
                .toList();
        return List.of(
            new WaitReason(untagged(execution, disabledTagged, !usable.isEmpty()), true));
      }
      usable = tagged;
    }
    if (usable.stream().noneMatch(Worker::online)) {
      return List.of(
          new WaitReason(
              "no enabled worker that may run execution "
                  + id
                  + " has been online in the last minute: it waits in the queue until one asks"
                  + " for work (sluice workers list shows them)",
              false));
    }
    return List.of();
  }

  private static String noneEnabled(Execution execution, List<Worker> candidates) {
    long id = execution.executionId();
    String enable =
        candidates.stream()
            .filter(w -> !w.removed())
            .findFirst()
            .map(w -> "sluice workers enable " + w.name())
            .orElse("name another worker in a new execution; sluice workers list shows them");
    if (execution.useAnyWorker()) {
      return "no worker is enabled: execution "
          + id
          + " waits until one is ("
          + (candidates.isEmpty() ? "none has registered yet; see docs/worker.md" : enable)
          + ")";
    }
    if (candidates.size() == 1) {
      Worker only = candidates.get(0);
      return "execution "
          + id
          + " may run only on worker "
          + only.name()
          + ", which is "
          + only.state()
          + ": it waits until the worker is enabled ("
          + enable
          + ")";
    }
    return "execution "
        + id
        + " may run only on workers "
        + String.join(
            ", ", candidates.stream().map(w -> w.name() + " (" + w.state() + ")").toList())
        + ", and none is enabled: it waits until one is ("
        + enable
        + ")";
  }

  /** {@code anyEnabled}: a worker that may run it is enabled (it lacks the tags). */
  private static String untagged(
      Execution execution, List<Worker> disabledTagged, boolean anyEnabled) {
    List<String> tags = execution.requiredWorkerTags();
    String them = tags.size() == 1 ? "it" : "them";
    String which =
        (tags.size() == 1 ? "the tag " : "the tags ")
            + String.join(", ", tags)
            + (disabledTagged.isEmpty()
                ? ""
                : " ("
                    + String.join(", ", disabledTagged.stream().map(Worker::name).toList())
                    + (disabledTagged.size() == 1 ? " has " : " have ")
                    + them
                    + " but "
                    + (disabledTagged.size() == 1 ? "is" : "are")
                    + " disabled)");
    String fix =
        disabledTagged.isEmpty()
            ? "sluice workers set WORKER --tags "
                + String.join(",", tags)
                + (anyEnabled ? "" : ", then sluice workers enable WORKER")
            : "sluice workers enable " + disabledTagged.get(0).name();
    return "no enabled worker"
        + (execution.useAnyWorker() ? "" : " named for it")
        + " has "
        + which
        + ": execution "
        + execution.executionId()
        + " waits until one has "
        + them
        + " ("
        + fix
        + ")";
  }

  private static List<Worker> workers(Handle handle, long executionId) {
    return handle
        .createQuery(
            """
            select w.worker_agent_id, w.display_name, w.enabled, w.removed_time is not null as removed,
                   w.tags, %s as online, x.worker_agent_id is not null as named
            from worker_agent w
            left join execution_worker x
                   on x.worker_agent_id = w.worker_agent_id and x.execution_id = :executionId
            order by w.registered_time, w.worker_agent_id
            """
                .formatted(WorkerPresence.ONLINE))
        .bind("executionId", executionId)
        .map(
            (rs, ctx) -> {
              UUID id = rs.getObject("worker_agent_id", UUID.class);
              String displayName = rs.getString("display_name");
              Array tags = rs.getArray("tags");
              return new Worker(
                  id,
                  displayName == null || displayName.isBlank() ? id.toString() : displayName,
                  rs.getBoolean("enabled"),
                  rs.getBoolean("removed"),
                  tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                  rs.getBoolean("online"),
                  rs.getBoolean("named"));
            })
        .list();
  }
}
