package io.sluice.master.dispatch;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.execution.ResolvedParameter;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.TaskAssignment;
import java.time.Duration;
import java.util.List;

/**
 * Everything a worker needs to run an assigned attempt without catalog credentials: the project
 * archive, the resolved parameter values (sensitive ones decrypted, sent only inside mutual TLS),
 * the lease and the timeout.
 */
public final class AssignmentBuilder {

  private final Executions executions;
  private final ExecutionRuntime runtime;
  private final Duration lease;
  private final Duration taskTimeout;
  private final ArchiveCache archives = new ArchiveCache(64);

  public AssignmentBuilder(
      Executions executions, CatalogContext context, Duration lease, Duration taskTimeout) {
    this.executions = executions;
    this.runtime = new ExecutionRuntime(context);
    this.lease = lease;
    this.taskTimeout = taskTimeout;
  }

  public TaskAssignment build(TaskAssigner.Assigned assigned) {
    Execution execution = executions.get(assigned.executionId());
    List<ParameterValue> parameters =
        runtime.resolvedParameters(assigned.executionId()).stream()
            .map(AssignmentBuilder::parameter)
            .toList();
    return new TaskAssignment(
        assigned.taskId(),
        assigned.executionId(),
        assigned.attempt(),
        lease.toMillis(),
        execution.folderName(),
        execution.projectName(),
        execution.packageName(),
        execution.loggingLevel(),
        archives.get(execution.projectVersionId(), () -> runtime.archive(assigned.executionId())),
        parameters,
        taskTimeout.toSeconds());
  }

  private static ParameterValue parameter(ResolvedParameter p) {
    return new ParameterValue(p.objectType(), p.name(), p.dataType(), p.sensitive(), p.value());
  }
}
