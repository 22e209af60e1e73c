package io.sluice.console.executions;

import io.javalin.http.Context;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionParameterValue;
import io.sluice.catalog.execution.ExecutionPropertyOverride;
import io.sluice.catalog.execution.Executions;
import java.util.List;

/**
 * "Run again": a new execution of the same package with the same choices — environment reference,
 * Scale Out, workers or tags, retries — and the same values set for the execution itself (parameter
 * values and property overrides). Values from the server or an environment are resolved anew at
 * start, as for any execution. A sensitive value set for the execution cannot be copied: nobody can
 * read it back, the console included; the page says how many were left out.
 */
final class RunAgain {

  private final Executions executions;

  RunAgain(Executions executions) {
    this.executions = executions;
  }

  record Started(long executionId, int skipped) {}

  Started from(long executionId) {
    Execution old = executions.get(executionId);
    CreateExecution request =
        CreateExecution.of(old.folderName(), old.projectName(), old.packageName())
            .inScaleOut(old.runInScaleOut())
            .withAnyWorker(old.useAnyWorker());
    if (old.referenceId() != null) {
      request = request.withReference(old.referenceId());
    }
    if (!old.requiredWorkerTags().isEmpty()) {
      request = request.withWorkerTags(old.requiredWorkerTags());
    }
    if (!old.useAnyWorker() && old.workerAgentId() != null) {
      request = request.withWorkers(List.of(old.workerAgentId()));
    }
    long id = executions.create(request);
    int skipped = 0;
    for (ExecutionParameterValue value : executions.parameterValues(executionId)) {
      if (!"EXECUTION".equals(value.source())) {
        continue;
      }
      if (value.sensitive() || value.value() == null) {
        skipped++;
        continue;
      }
      executions.setParameterValue(id, value.objectType(), value.parameterName(), value.value());
    }
    for (ExecutionPropertyOverride override : executions.propertyOverrides(executionId)) {
      if (override.sensitive() || override.value() == null) {
        skipped++;
        continue;
      }
      executions.setPropertyOverride(id, override.propertyPath(), override.value(), false);
    }
    executions.start(id, old.retryCount());
    return new Started(id, skipped);
  }

  /** What an execution's page says after "run again" sent the browser there. */
  static String notice(Context ctx) {
    String from = ctx.queryParam("from");
    if (from == null || !from.matches("\\d{1,19}")) {
      return null;
    }
    String skipped = ctx.queryParam("skipped");
    String text = "Started again from execution " + from + " with the same values.";
    if (skipped != null && skipped.matches("[1-9]\\d{0,5}")) {
      text +=
          " "
              + skipped
              + " sensitive value(s) set for execution "
              + from
              + " could not be copied (nobody can read them back): this run uses the"
              + " server's or the environment's values instead.";
    }
    return text;
  }
}
