package io.sluice.master.dispatch;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.execution.ExecutionRuntime;
import io.sluice.catalog.execution.Executions;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import io.sluice.protocol.worker.TaskAssignment;
import java.time.Duration;
import java.util.List;

/**
 * Everything a worker needs to run an assigned attempt without catalog credentials: the project
 * archive, the resolved parameter values (sensitive ones decrypted, sent only inside mutual TLS),
 * the property overrides (decrypted likewise), the lease and the timeout.
 */
public final class AssignmentBuilder {

  private final CatalogContext context;
  private final ExecutionRuntime runtime;
  private final Duration lease;
  private final Duration taskTimeout;
  private final ArchiveCache archives = new ArchiveCache(64);

  /**
   * @param executions unused since the hand-out reads what it needs in its own transaction; kept so
   *     callers need not change
   */
  public AssignmentBuilder(
      Executions executions, CatalogContext context, Duration lease, Duration taskTimeout) {
    this.context = context;
    this.runtime = new ExecutionRuntime(context);
    this.lease = lease;
    this.taskTimeout = taskTimeout;
  }

  public TaskAssignment build(TaskAssigner.Assigned assigned) {
    List<ParameterValue> parameters = assigned.parameters().stream().map(this::parameter).toList();
    return new TaskAssignment(
        assigned.taskId(),
        assigned.executionId(),
        assigned.attempt(),
        lease.toMillis(),
        assigned.folder(),
        assigned.project(),
        assigned.packageName(),
        assigned.loggingLevel(),
        archives.get(assigned.projectVersionId(), () -> runtime.archive(assigned.executionId())),
        parameters,
        taskTimeout.toSeconds(),
        assigned.overrides().stream().map(this::override).toList());
  }

  private PropertyOverrideValue override(TaskAssigner.StoredOverride o) {
    String value = o.secret() == null ? o.value() : context.cipher().decrypt(o.secret());
    return new PropertyOverrideValue(o.path(), value, o.sensitive());
  }

  private ParameterValue parameter(TaskAssigner.StoredValue p) {
    String value = p.secret() == null ? p.value() : context.cipher().decrypt(p.secret());
    return new ParameterValue(p.objectType(), p.name(), p.dataType(), p.sensitive(), value);
  }
}
