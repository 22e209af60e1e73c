package io.sluice.cli.remote;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.execution.ExecutionParameterValue;
import io.sluice.catalog.execution.ExecutionPropertyOverride;
import io.sluice.catalog.execution.ExecutionStatistics;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.execution.Validation;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionCreated;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionOverride;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionParameter;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionWorker;
import io.sluice.master.catalogapi.CatalogRequests.NewExecution;
import io.sluice.master.catalogapi.CatalogRequests.NewValidation;
import io.sluice.master.catalogapi.CatalogRequests.StartExecution;
import java.util.List;
import java.util.UUID;

/** {@link Executions} through a master: {@code /api/v1/executions}. */
final class RemoteExecutions implements Executions {

  private final MasterConnection master;

  RemoteExecutions(MasterConnection master) {
    this.master = master;
  }

  private static String path(long executionId) {
    return "/executions/" + executionId;
  }

  @Override
  public long create(CreateExecution request) {
    NewExecution body =
        new NewExecution(
            request.folder(),
            request.project(),
            request.packageName(),
            request.referenceId().isPresent() ? request.referenceId().getAsLong() : null,
            request.runInScaleOut().orElse(null),
            request.useAnyWorker(),
            request.requiredWorkerTags(),
            request.workers());
    return master.send("POST", "/executions", body, ExecutionCreated.class).executionId();
  }

  @Override
  public Validation validate(
      String folder, String project, String packageOrNull, Long referenceIdOrNull) {
    return master.send(
        "POST",
        "/validations",
        new NewValidation(folder, project, packageOrNull, referenceIdOrNull),
        Validation.class);
  }

  @Override
  public void setParameterValue(long executionId, int objectType, String name, String value) {
    master.send(
        "POST",
        path(executionId) + "/parameter-values",
        new ExecutionParameter(objectType, name, value),
        Void.class);
  }

  @Override
  public void setPropertyOverride(
      long executionId, String propertyPath, String value, boolean sensitive) {
    master.send(
        "POST",
        path(executionId) + "/property-overrides",
        new ExecutionOverride(propertyPath, value, sensitive),
        Void.class);
  }

  @Override
  public List<ExecutionPropertyOverride> propertyOverrides(long executionId) {
    return master.getList(
        path(executionId) + "/property-overrides", ExecutionPropertyOverride.class);
  }

  @Override
  public void addWorker(long executionId, UUID workerAgentId) {
    master.send(
        "POST", path(executionId) + "/workers", new ExecutionWorker(workerAgentId), Void.class);
  }

  @Override
  public List<String> warnings(long executionId) {
    return master.getList(path(executionId) + "/warnings", String.class);
  }

  @Override
  public Execution start(long executionId, int retryCount) {
    return master.send(
        "POST", path(executionId) + "/start", new StartExecution(retryCount), Execution.class);
  }

  @Override
  public Execution stop(long executionId) {
    return master.send("POST", path(executionId) + "/stop", null, Execution.class);
  }

  @Override
  public List<Execution> list(ExecutionFilter filter) {
    Query query =
        new Query()
            .with("folder", filter.folder())
            .with("project", filter.project())
            .with("package", filter.packageName())
            .with("status", filter.status() == null ? null : filter.status().code())
            .with("since", filter.since())
            .with("until", filter.until())
            .with("startedAfter", filter.startedAfter())
            .with("startedBefore", filter.startedBefore())
            .with("worker", filter.worker())
            .with("caller", filter.caller())
            .with("before", filter.beforeExecutionId())
            .with("limit", filter.limit());
    return master.getList("/executions" + query, Execution.class);
  }

  @Override
  public Execution get(long executionId) {
    return master.get(path(executionId), Execution.class);
  }

  @Override
  public ExecutionStatistics statistics(long executionId) {
    return master.get(path(executionId) + "/statistics", ExecutionStatistics.class);
  }

  @Override
  public List<ExecutionParameterValue> parameterValues(long executionId) {
    return master.getList(path(executionId) + "/parameter-values", ExecutionParameterValue.class);
  }
}
