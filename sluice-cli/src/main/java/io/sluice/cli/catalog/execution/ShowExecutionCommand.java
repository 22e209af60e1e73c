package io.sluice.cli.catalog.execution;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionParameterValue;
import io.sluice.catalog.execution.ExecutionPropertyOverride;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions show}: one execution and its parameter values. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show an execution, its parameter values and its property overrides (--connection,"
            + " --set), sensitive ones hidden.")
public final class ShowExecutionCommand extends CatalogCommandBase {

  private static final String[] LOGGING_LEVELS = {"None", "Basic", "Performance", "Verbose"};

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  /** What --json prints. */
  public record Details(
      Execution execution,
      List<ExecutionParameterValue> parameters,
      List<ExecutionPropertyOverride> propertyOverrides) {}

  @Override
  protected int run(Catalog catalog, Output out) {
    Execution e = catalog.executions().get(executionId);
    List<ExecutionParameterValue> parameters = catalog.executions().parameterValues(executionId);
    List<ExecutionPropertyOverride> overrides = catalog.executions().propertyOverrides(executionId);
    if (out.json()) {
      out.printJson(new Details(e, parameters, overrides));
      return 0;
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(line("execution", e.executionId()));
    lines.add(line("status", OperationStatus.display(e.status())));
    lines.add(line("package", e.folderName() + "/" + e.projectName() + "/" + e.packageName()));
    lines.add(line("project version", versionNumber(catalog, e)));
    lines.add(
        line(
            "environment",
            e.environmentName() == null
                ? "(none)"
                : e.environmentFolderName()
                    + "/"
                    + e.environmentName()
                    + " (reference "
                    + e.referenceId()
                    + ")"));
    lines.add(
        line(
            "mode",
            e.runInScaleOut()
                ? "scale out, "
                    + (e.useAnyWorker() ? "any worker" : "named workers only")
                    + (e.requiredWorkerTags().isEmpty()
                        ? ""
                        : ", with tags " + String.join(", ", e.requiredWorkerTags()))
                : "server"));
    lines.add(line("logging level", e.loggingLevel() + " " + LOGGING_LEVELS[e.loggingLevel()]));
    lines.add(line("created", Output.text(e.createdTime())));
    lines.add(line("started", Output.text(e.startTime())));
    lines.add(line("ended", Output.text(e.endTime())));
    lines.add(line("retries / runs", e.retryCount() + " / " + e.executedCount()));
    lines.add(
        line(
            "worker",
            e.workerName() == null || e.workerAgentId() == null
                ? e.workerAgentId()
                : e.workerName() + " (" + e.workerAgentId() + ")"));
    lines.add(line("caller", e.callerName()));
    out.object(e, lines);
    System.out.println();
    out.table(
        parameters,
        column("TYPE", p -> objectType(p.objectType())),
        column("PARAMETER", ExecutionParameterValue::parameterName),
        column("DATA TYPE", ExecutionParameterValue::dataType),
        column("VALUE", p -> p.sensitive() ? (p.valueSet() ? ParameterInfo.MASK : "") : p.value()),
        column("SOURCE", ExecutionParameterValue::source));
    if (!overrides.isEmpty()) {
      System.out.println();
      out.table(
          overrides,
          column("PROPERTY OVERRIDE", ExecutionPropertyOverride::propertyPath),
          column("VALUE", o -> o.sensitive() ? ParameterInfo.MASK : o.value()));
    }
    return 0;
  }

  /** The version number people see in `projects versions` (the row id means nothing to them). */
  private static String versionNumber(Catalog catalog, Execution e) {
    return catalog.projects().versions(e.folderName(), e.projectName()).stream()
        .filter(v -> v.versionId() == e.projectVersionId())
        .findFirst()
        .map(v -> Integer.toString(v.versionNumber()))
        .orElse("(removed; version id " + e.projectVersionId() + ")");
  }

  private static String[] line(String key, Object value) {
    return new String[] {key, Output.text(value)};
  }

  private static String objectType(int code) {
    return switch (code) {
      case 20 -> "project";
      case 30 -> "package";
      case 50 -> "system";
      default -> String.valueOf(code);
    };
  }
}
