package io.sluice.master.catalogapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionCreated;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionOverride;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionParameter;
import io.sluice.master.catalogapi.CatalogRequests.ExecutionWorker;
import io.sluice.master.catalogapi.CatalogRequests.NewExecution;
import io.sluice.master.catalogapi.CatalogRequests.NewValidation;
import io.sluice.master.catalogapi.CatalogRequests.StartExecution;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.management.ManagementAccess;
import java.util.Optional;

/**
 * Executions as users drive them (SSIS create_execution, set_execution_parameter_value,
 * set_execution_property_override_value, add_execution_worker, start_execution, stop_operation,
 * executions, execution_parameter_values, execution_property_override_values).
 */
final class ExecutionRoutes implements RouteModule {

  static final String EXECUTIONS = ManagementAccess.BASE + "/executions";
  static final String VALIDATIONS = ManagementAccess.BASE + "/validations";
  static final String EXECUTION = EXECUTIONS + "/{executionId}";

  private final CallerCatalogs catalogs;

  ExecutionRoutes(CallerCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(EXECUTIONS, ctx -> Json.ok(ctx, executions(ctx).list(filter(ctx))));
    routes.post(EXECUTIONS, this::create);
    routes.post(VALIDATIONS, this::validate);
    routes.get(EXECUTION, ctx -> Json.ok(ctx, executions(ctx).get(id(ctx))));
    routes.get(
        EXECUTION + "/parameter-values",
        ctx -> Json.ok(ctx, executions(ctx).parameterValues(id(ctx))));
    routes.post(EXECUTION + "/parameter-values", this::setParameter);
    routes.get(
        EXECUTION + "/property-overrides",
        ctx -> Json.ok(ctx, executions(ctx).propertyOverrides(id(ctx))));
    routes.post(EXECUTION + "/property-overrides", this::setPropertyOverride);
    routes.post(EXECUTION + "/workers", this::addWorker);
    routes.post(EXECUTION + "/start", this::start);
    routes.get(EXECUTION + "/warnings", ctx -> Json.ok(ctx, executions(ctx).warnings(id(ctx))));
    routes.get(EXECUTION + "/statistics", ctx -> Json.ok(ctx, executions(ctx).statistics(id(ctx))));
    routes.post(EXECUTION + "/stop", ctx -> Json.ok(ctx, executions(ctx).stop(id(ctx))));
  }

  private void create(Context ctx) {
    NewExecution body = body(ctx, NewExecution.class);
    CreateExecution request =
        CreateExecution.of(
                Params.required(body.folder(), "folder"),
                Params.required(body.project(), "project"),
                Params.required(body.packageName(), "packageName"))
            .withAnyWorker(!Boolean.FALSE.equals(body.useAnyWorker()));
    if (body.referenceId() != null) {
      request = request.withReference(body.referenceId());
    }
    if (body.requiredWorkerTags() != null) {
      request = request.withWorkerTags(body.requiredWorkerTags());
    }
    if (body.workerAgentIds() != null) {
      request = request.withWorkers(body.workerAgentIds());
    }
    if (body.runInScaleOut() != null) {
      request = request.inScaleOut(body.runInScaleOut());
    } else if (!request.useAnyWorker() || !request.requiredWorkerTags().isEmpty()) {
      request = request.inScaleOut(true); // they choose Scale Out workers, as in the CLI
    }
    Executions executions = executions(ctx);
    long id = executions.create(request);
    Json.write(ctx, 201, new ExecutionCreated(id, executions.warnings(id)));
  }

  private void validate(Context ctx) {
    NewValidation body = body(ctx, NewValidation.class);
    Json.ok(
        ctx,
        executions(ctx)
            .validate(
                Params.required(body.folder(), "folder"),
                Params.required(body.project(), "project"),
                body.packageName(),
                body.referenceId()));
  }

  private void setParameter(Context ctx) {
    change(
        ctx,
        ExecutionParameter.class,
        (executions, id, body) ->
            executions.setParameterValue(
                id,
                Params.required(body.objectType(), "objectType"),
                Params.required(body.name(), "name"),
                Params.required(body.value(), "value")));
  }

  private void setPropertyOverride(Context ctx) {
    change(
        ctx,
        ExecutionOverride.class,
        (executions, id, body) ->
            executions.setPropertyOverride(
                id,
                Params.required(body.propertyPath(), "propertyPath"),
                Params.required(body.value(), "value"),
                Boolean.TRUE.equals(body.sensitive())));
  }

  private void addWorker(Context ctx) {
    change(
        ctx,
        ExecutionWorker.class,
        (executions, id, body) ->
            executions.addWorker(id, Params.required(body.workerAgentId(), "workerAgentId")));
  }

  /** A change to one execution, from the body of a POST. */
  private interface Change<T> {
    void apply(Executions executions, long id, T body);
  }

  /** Reads the execution's id and the body, makes the change and answers 204 No Content. */
  private <T> void change(Context ctx, Class<T> type, Change<T> change) {
    long id = id(ctx);
    T body = body(ctx, type);
    change.apply(executions(ctx), id, body);
    ctx.status(204);
  }

  private void start(Context ctx) {
    long id = id(ctx);
    StartExecution body =
        Json.readOptional(
            ctx, StartExecution.class, CatalogApi.MAX_JSON_BYTES, new StartExecution(0));
    Executions executions = executions(ctx);
    // The execution as it started, and why it may wait (what GET .../warnings answers).
    ObjectNode started = Json.MAPPER.valueToTree(executions.start(id, body.retryCount()));
    started.set("warnings", Json.MAPPER.valueToTree(executions.warnings(id)));
    Json.ok(ctx, started);
  }

  private Executions executions(Context ctx) {
    return catalogs.of(ctx).executions();
  }

  private static <T> T body(Context ctx, Class<T> type) {
    return Json.read(ctx, type, CatalogApi.MAX_JSON_BYTES);
  }

  /**
   * The executions list's filter from the query: folder, project, package, status, since/until
   * (created), startedAfter/startedBefore, worker (id or display name), caller, before (the keyset
   * cursor: the last execution id of the previous page) and limit.
   */
  static ExecutionFilter filter(Context ctx) {
    return new ExecutionFilter(
        Params.queryText(ctx, "folder"),
        Params.queryText(ctx, "project"),
        Params.queryText(ctx, "package"),
        Optional.ofNullable(Params.queryText(ctx, "status"))
            .map(OperationStatus::parse)
            .orElse(null),
        Params.queryTime(ctx, "since"),
        Params.queryTime(ctx, "until"),
        Params.queryTime(ctx, "startedAfter"),
        Params.queryTime(ctx, "startedBefore"),
        Params.queryText(ctx, "worker"),
        Params.queryText(ctx, "caller"),
        Params.queryId(ctx, "before"),
        Optional.ofNullable(Params.queryNumber(ctx, "limit", 1, ExecutionFilter.MAX_LIMIT))
            .orElse(ExecutionFilter.DEFAULT_LIMIT));
  }

  static long id(Context ctx) {
    return Params.pathId(ctx, "executionId", "execution");
  }
}
