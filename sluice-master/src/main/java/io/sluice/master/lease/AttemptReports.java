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

  private static final int RUNNING = OperationStatus.RUNNING.code();
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
                              and exists (select 1 from worker_agent w
                                          where w.worker_agent_id = :workerId
                                            and w.removed_time is null)
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
    Rows rows = rows(batch);
    return jdbi.inTransaction(
        handle -> {
          Optional<CurrentAttempt> current = lockCurrent(handle, workerId, taskId, batch.attempt());
          if (current.isEmpty()) {
            return new Acknowledgement(Verdict.ABORT);
          }
          CurrentAttempt attempt = current.get();
          store(handle, taskId, attempt, batch, rows);
          return new Acknowledgement(
              attempt.executionStatus() == STOPPING ? Verdict.STOP : Verdict.ACCEPTED);
        });
  }

  /** A batch's rows, checked before any transaction begins. */
  private record Rows(
      List<NewEventMessage> messages,
      List<ExecutableStatistic> executables,
      List<DataFlowStatistic> paths) {}

  private static Rows rows(EventBatch batch) {
    return new Rows(messages(batch), executables(batch), paths(batch));
  }

  /**
   * Stores {@code batch} if it is the next one of the locked current attempt, with its sequence
   * number; a repeat is skipped, a gap refused (409). Returns the attempt's last stored sequence.
   */
  private static long store(
      Handle handle, long taskId, CurrentAttempt attempt, EventBatch batch, Rows rows) {
    if (batch.sequence() <= attempt.lastEventSequence()) {
      return attempt.lastEventSequence(); // a repeat: stored already
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
    long executionId = attempt.executionId();
    if (attempt.executionStatus() == RUNNING || attempt.executionStatus() == STOPPING) {
      // The execution row is share-locked with the task row: it cannot end before this commits.
      ExecutionRuntime.recordEvents(handle, executionId, attempt.createdTime(), rows.messages());
      ExecutionRuntime.recordExecutableStatistics(
          handle, executionId, attempt.createdTime(), rows.executables());
      ExecutionRuntime.recordDataStatistics(
          handle, executionId, attempt.createdTime(), rows.paths());
    } else {
      // Not running: these lock and refuse it with the catalog's own message (409).
      ExecutionRuntime.recordEvents(handle, executionId, rows.messages());
      ExecutionRuntime.recordExecutableStatistics(handle, executionId, rows.executables());
      ExecutionRuntime.recordDataStatistics(handle, executionId, rows.paths());
    }
    handle
        .createUpdate(
            "update scale_out_task set last_event_sequence = :sequence where task_id = :id")
        .bind("sequence", batch.sequence())
        .bind("id", taskId)
        .execute();
    return batch.sequence();
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
    EventBatch finalBatch = result.finalBatch();
    if (finalBatch != null
        && (finalBatch.attempt() != result.attempt()
            || finalBatch.sequence() != result.lastSequence())) {
      throw ApiException.badRequest(
          "the final batch of a result must be its attempt's batch number lastSequence",
          "send batch "
              + result.lastSequence()
              + " of attempt "
              + result.attempt()
              + " as finalBatch, or send it alone first");
    }
    Rows rows = finalBatch == null ? null : rows(finalBatch);
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
          long lastStored =
              finalBatch == null
                  ? a.lastEventSequence()
                  : store(handle, taskId, a, finalBatch, rows);
          if (result.lastSequence() > lastStored) {
            throw ApiException.conflict(
                "the result of task "
                    + taskId
                    + " attempt "
                    + result.attempt()
                    + " names event batch "
                    + result.lastSequence()
                    + " but batches after "
                    + lastStored
                    + " have not arrived",
                "send event batches "
                    + (lastStored + 1)
                    + " to "
                    + result.lastSequence()
                    + " first, then the result again");
          }
          TaskEndings.Attempt attempt =
              new TaskEndings.Attempt(
                  taskId, a.executionId(), result.attempt(), a.maxAttempts(), a.executionStatus());
          switch (result.outcome()) {
            case SUCCEEDED -> {
              TaskEndings.endWithResult(handle, attempt, "SUCCEEDED");
              ExecutionTransitions.finish(handle, a.executionId(), OperationStatus.SUCCEEDED);
            }
            case CANCELED -> {
              TaskEndings.endWithResult(handle, attempt, "CANCELED");
              ExecutionTransitions.finish(handle, a.executionId(), OperationStatus.CANCELED);
            }
            case FAILED -> {
              handle
                  .createUpdate(
                      "update scale_out_task set result_attempt = :attempt where task_id = :id")
                  .bind("attempt", result.attempt())
                  .bind("id", taskId)
                  .execute();
              TaskEndings.retryOrEnd(
                  handle,
                  attempt,
                  "failed on worker "
                      + a.workerName()
                      + (result.message() == null ? "" : ": " + result.message()),
                  "FAILED",
                  OperationStatus.FAILED);
            }
          }
          return new Acknowledgement(Verdict.ACCEPTED);
        });
  }

  /**
   * The current attempt's row, locked until the transaction ends (its execution's row too, shared,
   * so the execution cannot end under a batch being stored); empty if the attempt is not current or
   * its worker was removed.
   */
  private record CurrentAttempt(
      long executionId,
      int maxAttempts,
      long lastEventSequence,
      int executionStatus,
      Instant createdTime,
      String workerName) {}

  private static Optional<CurrentAttempt> lockCurrent(
      Handle handle, UUID workerId, long taskId, int attempt) {
    return handle
        .createQuery(
            """
            select t.execution_id, t.max_attempts, t.last_event_sequence, e.status, e.created_time,
                   coalesce(nullif(w.display_name, ''), w.machine_name) as worker_name
            from scale_out_task t
            join execution e on e.execution_id = t.execution_id
            join worker_agent w on w.worker_agent_id = t.worker_agent_id
            where t.task_id = :taskId and t.attempt = :attempt and t.status = 'RUNNING'
              and t.worker_agent_id = :workerId and w.removed_time is null
            for update of t for share of e
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
                    rs.getTimestamp("created_time").toInstant(),
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
