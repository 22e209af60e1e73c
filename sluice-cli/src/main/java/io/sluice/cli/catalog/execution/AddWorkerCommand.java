package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions add-worker}: SSIS add_execution_worker. */
@Command(
    name = "add-worker",
    mixinStandardHelpOptions = true,
    description =
        "Allow a worker to run a created Scale Out execution made with --specific-workers.")
public final class AddWorkerCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  @Parameters(
      index = "1",
      paramLabel = "WORKER",
      description = "The worker's id or display name (sluice workers list shows them).")
  String worker;

  @Override
  protected int run(Catalog catalog, Output out) {
    UUID workerId = access().workers().get(worker).workerAgentId();
    catalog.executions().addWorker(executionId, workerId);
    out.done(
        "Worker " + workerId + " may run execution " + executionId + ".",
        Map.of("executionId", executionId, "workerAgentId", workerId));
    WaitNotes.print(System.err, catalog.executions().warnings(executionId));
    return 0;
  }
}
