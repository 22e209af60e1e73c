package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Executions;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog executions set-parameter}: SSIS set_execution_parameter_value. */
@Command(
    name = "set-parameter",
    mixinStandardHelpOptions = true,
    description = "Set a parameter value of a created execution (before it starts).")
public final class SetParameterCommand extends CatalogCommandBase {

  private static final Map<String, Integer> OBJECT_TYPES =
      Map.of(
          "project", Executions.PROJECT_PARAMETER,
          "20", Executions.PROJECT_PARAMETER,
          "package", Executions.PACKAGE_PARAMETER,
          "30", Executions.PACKAGE_PARAMETER,
          "system", Executions.SYSTEM_PARAMETER,
          "50", Executions.SYSTEM_PARAMETER);

  @Parameters(index = "0", paramLabel = "EXECUTION_ID")
  long executionId;

  @Parameters(index = "1", paramLabel = "NAME", description = "Parameter name.")
  String name;

  @Parameters(index = "2", paramLabel = "VALUE", description = "Value, as text of its type.")
  String value;

  @Option(
      names = "--object-type",
      required = true,
      description =
          "project (20), package (30) or system (50: LOGGING_LEVEL, DUMP_ON_ERROR, SYNCHRONIZED).")
  String objectType;

  @Override
  protected int run(Catalog catalog, Output out) {
    Integer type = OBJECT_TYPES.get(objectType.trim().toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new UsageException(
          "--object-type '" + objectType + "' is not a kind of parameter",
          "use project (20), package (30) or system (50)");
    }
    catalog.executions().setParameterValue(executionId, type, name, value);
    out.done(
        "set " + name + " of execution " + executionId,
        Map.of("executionId", executionId, "objectType", type, "name", name));
    return 0;
  }
}
