package io.sluice.master.lease;

import io.sluice.catalog.execution.DataFlowStatistic;
import io.sluice.catalog.execution.ExecutableStatistic;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.event.MessageType;
import io.sluice.master.http.ApiException;
import io.sluice.master.serverexecution.EventRows;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A worker's reports on one attempt, FENCED (task-leases.md rule 5): each is accepted only while
 * its attempt is the task's current one, RUNNING on that worker, decided in the catalog by row
 * count or under the task's row lock. A report of an attempt that is no longer current gets ABORT
 * and changes nothing.
 */
public final class AttemptReports {

  private static final int STOPPING = OperationStatus.STOPPING.code();

  private final Jdbi jdbi;
  private final Duration lease;

  public AttemptReports(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  /**
   * Renews the lease: {@code expires_at = now() + L} on the catalog's clock (rule 1). STOP when the
   * execution is being stopped (the lease is renewed all the same, so the worker can cancel
   * cleanly), ABORT when the attempt is not current.
   */
  public TaskHeartbeatReply heartbeat(UUID workerId, long taskId, TaskHeartbeat heartbeat) {
    Optional<Integer> executionStatus =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        """
                        with renewed as (
                            update scale_out_task
                            set expires_at = now() + :leaseMillis * interval '1 millisecond'
                            where task_id = :taskId and attempt = :attempt and status = 'RUNNING'
                              and worker_agent_id = :workerId
                            returning execution_id
                        )
                        select e.status from renewed join execution e using (execution_id)
                        """)
                    .bind("leaseMillis", lease.toMillis())
                    .bind("taskId", taskId)
                    .bind("attempt", heartbeat.attempt())
                    .bind("workerId", workerId)
                    .mapTo(Integer.class)
                    .findOne());
    if (executionStatus.isEmpty()) {
      return new TaskHeartbeatReply(Verdict.ABORT, 0);
    }
    Verdict verdict = executionStatus.get() == STOPPING ? Verdict.STOP : Verdict.ACCEPTED;
    return new TaskHeartbeatReply(verdict, lease.toMillis());
  }

  /**
   * Stores a batch of events exactly once: only when its sequence is the next one of the current
   * attempt, together with the new sequence number in one transaction. A repeat is acknowledged
   * without storing; a gap is refused (409) so the worker sends the missing batches first.
   */
  public Acknowledgement events(UUID workerId, long taskId, EventBatch batch) {
    List<NewEventMessage> messages = messages(batch);
    List<ExecutableStatistic> executables = executables(batch);
    List<DataFlowStatistic> paths = paths(batch);
    return jdbi.inTransaction(
        handle -> {
          Optional<CurrentAttempt> current = lockCurrent(handle, workerId, taskId, batch.attempt());
          if (current.isEmpty()) {
            return new Acknowledgement(Verdict.ABORT);
          }
          CurrentAttempt attempt = current.get();
          Verdict carryOn = attempt.executionStatus() == STOPPING ? Verdict.STOP : Verdict.ACCEPTED;
          if (batch.sequence() <= attempt.lastEventSequence()) {
            return new Acknowledgement(carryOn); // a repeat: stored already
          }
          if (batch.sequence() != attempt.lastEventSequence() + 1) {
            throw ApiException.conflict(
                "event batch "
                    + batch.sequence()
                    + " of task "
                    + taskId
                    + " attempt "
                    + batch.attempt()
                    + " came before batch "
                    + (attempt.lastEventSequence() + 1),
                "send the batches in order, starting with " + (attempt.lastEventSequence() + 1));
          }
          ExecutionRuntime.recordEvents(handle, attempt.executionId(), messages);
          ExecutionRuntime.recordExecutableStatistics(handle, attempt.executionId(), executables);
          ExecutionRuntime.recordDataStatistics(handle, attempt.executionId(), paths);
          handle
              .createUpdate(
                  "update scale_out_task set last_event_sequence = :sequence where task_id = :id")
              .bind("sequence", batch.sequence())
              .bind("id", taskId)
              .execute();
          return new Acknowledgement(carryOn);
        });
  }

  /**
   * Applies the attempt's outcome: SUCCEEDED ends the execution 7, CANCELED 3, FAILED re-queues the
   * task while attempts remain, else 4. A result repeated after a lost answer is ACCEPTED again; a
   * result that overtook its event batches is refused (409) until they arrive.
   */
  public Acknowledgement result(UUID workerId, long taskId, TaskResult result) {
    if (result.outcome() == null) {
      throw ApiException.badRequest(
          "the result has no outcome", "send SUCCEEDED, FAILED or CANCELED");
    }
    return jdbi.inTransaction(
        handle -> {
          Optional<CurrentAttempt> current =
              lockCurrent(handle, workerId, taskId, result.attempt());
          if (current.isEmpty()) {
            return new Acknowledgement(
                alreadyApplied(handle, workerId, taskId, result.attempt())
                    ? Verdict.ACCEPTED
                    : Verdict.ABORT);
          }
          CurrentAttempt a = current.get();
          if (result.lastSequence() > a.lastEventSequence()) {
            throw ApiException.conflict(
                "the result of task "
                    + taskId
                    + " attempt "
                    + result.attempt()
                    + " names event batch "
                    + result.lastSequence()
                    + " but batches after "
                    + a.lastEventSequence()
                    + " have not arrived",
                "send event batches "
                    + (a.lastEventSequence() + 1)
                    + " to "
                    + result.lastSequence()
                    + " first, then the result again");
          }
          handle
              .createUpdate(
                  "update scale_out_task set result_attempt = :attempt where task_id = :id")
              .bind("attempt", result.attempt())
              .bind("id", taskId)
              .execute();
          TaskEndings.Attempt attempt =
              new TaskEndings.Attempt(
                  taskId, a.executionId(), result.attempt(), a.maxAttempts(), a.executionStatus());
          switch (result.outcome()) {
            case SUCCEEDED -> {
              TaskEndings.end(handle, attempt, "SUCCEEDED");
              ExecutionTransitions.finish(handle, a.executionId(), OperationStatus.SUCCEEDED);
            }
            case CANCELED -> {
              TaskEndings.end(handle, attempt, "CANCELED");
              ExecutionTransitions.finish(handle, a.executionId(), OperationStatus.CANCELED);
            }
            case FAILED ->
                TaskEndings.retryOrEnd(
                    handle,
                    attempt,
                    "failed on worker "
                        + a.workerName()
                        + (result.message() == null ? "" : ": " + result.message()),
                    "FAILED",
                    OperationStatus.FAILED);
          }
          return new Acknowledgement(Verdict.ACCEPTED);
        });
  }

  /** The current attempt's row, locked until the transaction ends; empty if not current. */
  private record CurrentAttempt(
      long executionId,
      int maxAttempts,
      long lastEventSequence,
      int executionStatus,
      String workerName) {}

  private static Optional<CurrentAttempt> lockCurrent(
      Handle handle, UUID workerId, long taskId, int attempt) {
    return handle
        .createQuery(
            """
            select t.execution_id, t.max_attempts, t.last_event_sequence, e.status,
                   coalesce(nullif(w.display_name, ''), w.machine_name) as worker_name
            from scale_out_task t
            join execution e on e.execution_id = t.execution_id
            join worker_agent w on w.worker_agent_id = t.worker_agent_id
            where t.task_id = :taskId and t.attempt = :attempt and t.status = 'RUNNING'
              and t.worker_agent_id = :workerId
            for update of t
            """)
        .bind("taskId", taskId)
        .bind("attempt", attempt)
        .bind("workerId", workerId)
        .map(
            (rs, ctx) ->
                new CurrentAttempt(
                    rs.getLong("execution_id"),
                    rs.getInt("max_attempts"),
                    rs.getLong("last_event_sequence"),
                    rs.getInt("status"),
                    rs.getString("worker_name") + " (" + workerId + ")"))
        .findOne();
  }

  /** Whether this worker's result for this attempt was applied already (a repeat). */
  private static boolean alreadyApplied(Handle handle, UUID workerId, long taskId, int attempt) {
    return handle
            .createQuery(
                """
                select count(*) from scale_out_task
                where task_id = :taskId and result_attempt = :attempt and attempt = :attempt
                  and worker_agent_id = :workerId
                """)
            .bind("taskId", taskId)
            .bind("attempt", attempt)
            .bind("workerId", workerId)
            .mapTo(int.class)
            .one()
        == 1;
  }

  private static List<NewEventMessage> messages(EventBatch batch) {
    List<NewEventMessage> rows = new ArrayList<>();
    for (EventBatch.Event e : orEmpty(batch.events())) {
      MessageType type;
      try {
        type = MessageType.fromCode(e.messageType());
      } catch (IllegalArgumentException unknown) {
        throw ApiException.badRequest(
            "event message type " + e.messageType() + " is unknown",
            "use SSIS message types: 10, 20, ... 120 Error, 130 TaskFailed, 140, 200, 400");
      }
      if (e.message() == null) {
        throw ApiException.badRequest("an event has no message", "send its text in 'message'");
      }
      rows.add(
          EventRows.message(
              Instant.ofEpochMilli(e.timeMillis()),
              type,
              e.packageName(),
              e.sourceName(),
              e.executionPath(),
              e.subcomponent(),
              e.message(),
              e.code(),
              e.threadId()));
    }
    return rows;
  }

  private static List<ExecutableStatistic> executables(EventBatch batch) {
    List<ExecutableStatistic> rows = new ArrayList<>();
    for (EventBatch.ExecutableStatistic s : orEmpty(batch.executables())) {
      if (s.executablePath() == null || s.result() < 0 || s.result() > 3) {
        throw ApiException.badRequest(
            "an executable statistic needs a path and a result 0-3",
            "0 success, 1 failure, 2 completion, 3 canceled");
      }
      rows.add(
          EventRows.executable(
              s.executablePath(),
              Instant.ofEpochMilli(s.startMillis()),
              Instant.ofEpochMilli(s.endMillis()),
              s.result(),
              s.resultValue()));
    }
    return rows;
  }

  private static List<DataFlowStatistic> paths(EventBatch batch) {
    List<DataFlowStatistic> rows = new ArrayList<>();
    for (EventBatch.PathStatistic s : orEmpty(batch.paths())) {
      if (s.packageName() == null || s.taskName() == null || s.pathName() == null) {
        throw ApiException.badRequest(
            "a path statistic needs packageName, taskName and pathName", "send all three");
      }
      rows.add(
          EventRows.dataFlow(
              s.packageName(),
              s.taskName(),
              s.pathName(),
              s.sourceComponent(),
              s.destinationComponent(),
              s.rowsSent(),
              Instant.ofEpochMilli(s.timeMillis())));
    }
    return rows;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
