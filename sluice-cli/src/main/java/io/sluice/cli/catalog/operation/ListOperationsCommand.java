package io.sluice.cli.catalog.operation;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationFilter;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationType;
import io.sluice.cli.catalog.execution.TimeArgument;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice catalog operations list}: SSIS catalog.operations. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List operations, newest first.")
public final class ListOperationsCommand extends CatalogCommandBase {

  @Option(
      names = "--type",
      description =
          "Only of this type: a code or name (101 deploy, 106 restore, 200 execution, 202 stop,"
              + " 2 retention-cleanup).")
  String type;

  @Option(names = "--status", description = "Only in this status: a code or name.")
  String status;

  @Option(names = "--since", description = "Created since: an age (24h, 7d) or a time.")
  String since;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  protected int run(Catalog catalog, Output out) {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1", "give a positive number");
    }
    OperationFilter filter =
        new OperationFilter(
            type == null ? null : OperationType.parse(type),
            status == null ? null : OperationStatus.parse(status),
            TimeArgument.parse("--since", since),
            limit);
    out.table(
        catalog.operations().list(filter),
        column("ID", Operation::operationId),
        column("TYPE", o -> OperationType.display(o.operationType())),
        column("STATUS", o -> OperationStatus.display(o.status())),
        column("OBJECT", Operation::objectName),
        column("CREATED", Operation::createdTime),
        column("ENDED", Operation::endTime),
        column("CALLER", Operation::callerName),
        column("MACHINE", Operation::machineName));
    return 0;
  }
}
