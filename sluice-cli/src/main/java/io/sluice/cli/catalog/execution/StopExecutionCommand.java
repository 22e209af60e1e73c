package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions stop}: SSIS stop_operation. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stop an execution: created or pending ones are canceled at once, running ones stop.")
public final class StopExecutionCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  @Override
  protected int run(Catalog catalog, Output out) {
    Execution execution = catalog.executions().stop(executionId);
    String what =
        execution.state() == OperationStatus.STOPPING
            ? ": asked to stop; it ends as 3 canceled once its runner has stopped it"
            : "";
    out.done(
        "Execution " + executionId + " is " + execution.state().display() + what + ".", execution);
    return 0;
  }
}
