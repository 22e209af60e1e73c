package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.StdinValue;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions set-parameter}: SSIS set_execution_parameter_value. */
@Command(
    name = "set-parameter",
    mixinStandardHelpOptions = true,
    description = {
      "Set a parameter value of a created execution (before it starts). It wins over server"
          + " values, environment variables and design defaults.",
      "Examples: set-parameter 7 FilePattern 'Currency_A*.txt'",
      "          set-parameter 7 LOGGING_LEVEL 3",
      "          set-parameter 7 WarehousePassword @/run/secrets/warehouse"
    })
public final class SetParameterCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  @Parameters(
      index = "1",
      paramLabel = "NAME",
      description =
          "Parameter name: NAME (a system parameter, else the package's, else the project's),"
              + " $Project::NAME or $Package::NAME.")
  String name;

  @Parameters(
      index = "2",
      paramLabel = "VALUE",
      description =
          "Value, as text of its type; - reads it from standard input, @FILE from a file (@@text"
              + " is the value @text), keeping a secret out of the process list.")
  String value;

  @Option(
      names = "--object-type",
      description =
          "Only when NAME is ambiguous: project (20), package (30) or system (50: LOGGING_LEVEL,"
              + " DUMP_ON_ERROR, SYNCHRONIZED).")
  String objectType;

  @Override
  protected int run(Catalog catalog, Output out) {
    Execution execution = catalog.executions().get(executionId);
    ExecutionParameterName.Target target =
        ExecutionParameterName.resolve(
            name,
            objectType,
            catalog.parameters().list(execution.folderName(), execution.projectName()),
            execution.packageName());
    catalog
        .executions()
        .setParameterValue(
            executionId, target.objectType(), target.name(), StdinValue.resolveWithFile(value));
    out.done(
        "Set "
            + scope(target.objectType())
            + " parameter "
            + Output.name(target.name())
            + " of execution "
            + executionId
            + ".",
        Map.of(
            "executionId", executionId, "objectType", target.objectType(), "name", target.name()));
    return 0;
  }

  private static String scope(int objectType) {
    return switch (objectType) {
      case 20 -> "project";
      case 30 -> "package";
      default -> "system";
    };
  }
}
