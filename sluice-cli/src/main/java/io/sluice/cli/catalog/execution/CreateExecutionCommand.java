package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice catalog executions create}: SSIS create_execution. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an execution of a package of a project's current version (1 created).")
public final class CreateExecutionCommand extends CatalogCommandBase {

  @Option(names = "--folder", required = true, description = "Catalog folder of the project.")
  String folder;

  @Option(names = "--project", required = true, description = "Project name.")
  String project;

  @Option(names = "--package", required = true, description = "Package name, e.g. Load.yaml.")
  String packageName;

  @Option(
      names = "--reference",
      description = "Id of the project's environment reference whose variables parameters use.")
  Long reference;

  @Option(
      names = "--scale-out",
      negatable = true,
      description =
          "Run on Scale Out workers (--no-scale-out: on the server). Default: the catalog's"
              + " DEFAULT_EXECUTION_MODE.")
  Boolean scaleOut;

  @Option(
      names = "--specific-workers",
      description = "Only workers named with `executions add-worker` may run it (Scale Out).")
  boolean specificWorkers;

  @Override
  protected int run(Catalog catalog, Output out) {
    CreateExecution request =
        CreateExecution.of(folder, project, packageName).withAnyWorker(!specificWorkers);
    if (reference != null) {
      request = request.withReference(reference);
    }
    if (scaleOut != null) {
      request = request.inScaleOut(scaleOut);
    }
    long id = catalog.executions().create(request);
    Execution execution = catalog.executions().get(id);
    out.done(
        "created execution "
            + id
            + " ("
            + execution.state().display()
            + "); set parameters, then: sluice catalog executions start "
            + id,
        execution);
    return 0;
  }
}
