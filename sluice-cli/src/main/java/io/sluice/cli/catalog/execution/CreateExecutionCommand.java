package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice catalog executions create}: SSIS create_execution. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an execution of a package of a project's current version (1 created).")
public final class CreateExecutionCommand extends CatalogCommandBase {

  @Option(names = "--folder", required = true, description = "Folder that holds the project.")
  String folder;

  @Option(names = "--project", required = true, description = "Name of the project.")
  String project;

  @Option(
      names = "--package",
      required = true,
      description = "The entry-point package to run, e.g. main (see: sluice catalog packages).")
  String packageName;

  @Option(
      names = "--environment",
      description =
          "Take parameter values from this environment, through the project's reference to it.")
  String environment;

  @Option(
      names = "--environment-folder",
      description = "Folder of --environment, when the project references two of that name.")
  String environmentFolder;

  @Option(
      names = "--reference",
      description =
          "Id of the project's environment reference to use (instead of --environment; see:"
              + " sluice catalog references list).")
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

  @Option(
      names = "--worker-tag",
      paramLabel = "TAG",
      split = ",",
      description =
          "Only a worker that has this tag may run it (Scale Out; repeatable or comma-separated;"
              + " all given tags must be on the worker).")
  List<String> workerTags = new ArrayList<>();

  @Override
  protected int run(Catalog catalog, Output out) {
    if (reference != null && environment != null) {
      throw new UsageException(
          "give --environment or --reference, not both", "--environment NAME is the simpler one");
    }
    CreateExecution request =
        CreateExecution.of(folder, project, packageName).withAnyWorker(!specificWorkers);
    if (environment != null) {
      request =
          request.withReference(
              EnvironmentChoice.referenceId(
                  catalog, folder, project, environment, environmentFolder));
    } else if (reference != null) {
      request = request.withReference(reference);
    }
    if (scaleOut != null) {
      request = request.inScaleOut(scaleOut);
    }
    if (!workerTags.isEmpty()) {
      request = request.withWorkerTags(workerTags);
    }
    if ((specificWorkers || !workerTags.isEmpty()) && scaleOut == null) {
      request = request.inScaleOut(true); // both choose Scale Out workers
    }
    long id = catalog.executions().create(request);
    Execution execution = catalog.executions().get(id);
    out.done(
        "Created execution "
            + id
            + " ("
            + execution.state().display()
            + "). Set parameters with: sluice catalog executions set-parameter "
            + id
            + " NAME VALUE; then run it: sluice catalog executions start "
            + id,
        execution);
    WaitNotes.print(System.err, catalog.executions().warnings(id));
    return 0;
  }
}
