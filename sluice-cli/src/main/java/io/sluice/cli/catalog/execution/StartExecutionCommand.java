package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions start}: SSIS start_execution. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description =
        "Start a created execution: resolve its parameters and queue it (5 pending). Once only.")
public final class StartExecutionCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  @Option(
      names = "--retries",
      defaultValue = "0",
      description = "How many times Scale Out retries a failed task (default ${DEFAULT-VALUE}).")
  int retries;

  @Override
  protected int run(Catalog catalog, Output out) {
    Execution execution = catalog.executions().start(executionId, retries);
    out.done(
        "Started execution "
            + executionId
            + ": "
            + execution.state().display()
            + (execution.runInScaleOut()
                ? ", queued for a Scale Out worker."
                : ", queued for a master (server mode; sluice master status shows them). With no"
                    + " master running, run a package in this process: sluice catalog execute"),
        execution);
    if (execution.runInScaleOut()) {
      WaitNotes.print(System.err, catalog.executions().warnings(executionId));
    }
    return 0;
  }
}
