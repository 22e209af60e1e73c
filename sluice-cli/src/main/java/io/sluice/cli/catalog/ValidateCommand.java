package io.sluice.cli.catalog;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Validation;
import io.sluice.cli.catalog.execution.EnvironmentChoice;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice catalog validate}: SSIS's validate_project / validate_package on the server, with
 * the catalog's parameter values (and an environment's): would executions start now?
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a deployed project (its entry points) or one package with the catalog's values.",
      "Says whether executions would start now: every required parameter has a server value, an",
      "execution value or a variable of the environment, and the variables referred to exist",
      "with the parameter's type. Recorded as an operation (300 project, 301 package); exit 0",
      "valid, 1 not. The project's structure was checked when it was deployed."
    })
public final class ValidateCommand extends CatalogCommandBase {

  @Mixin ProjectOptions target;

  @Option(names = "--package", description = "Validate only this package (SSIS validate_package).")
  String packageName;

  @Option(
      names = "--environment",
      description = "Validate with the variables of the environment the project references.")
  String environment;

  @Option(
      names = "--environment-folder",
      description = "The environment's folder, when the project references two of that name.")
  String environmentFolder;

  @Override
  protected int run(Catalog catalog, Output out) {
    Long referenceId =
        environment == null
            ? null
            : EnvironmentChoice.referenceId(
                catalog, target.folder, target.project, environment, environmentFolder);
    Validation v =
        catalog.executions().validate(target.folder, target.project, packageName, referenceId);
    StringBuilder text = new StringBuilder();
    for (String problem : v.problems()) {
      text.append("problem: ").append(problem).append('\n');
    }
    text.append(
        (v.succeeded() ? "Valid: " : "Not valid: ")
            + String.join(", ", v.packages())
            + (v.succeeded()
                ? " would start with the catalog's values"
                : " would not start (" + v.problems().size() + " problem(s))")
            + ". Operation "
            + v.operationId()
            + ": sluice catalog operations show "
            + v.operationId());
    out.done(text.toString(), v);
    return v.succeeded() ? 0 : 1;
  }
}
