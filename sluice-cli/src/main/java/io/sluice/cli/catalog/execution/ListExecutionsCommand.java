package io.sluice.cli.catalog.execution;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice catalog executions list}: SSIS catalog.executions. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List executions, newest first.")
public final class ListExecutionsCommand extends CatalogCommandBase {

  @Option(names = "--folder", description = "Only of this folder.")
  String folder;

  @Option(names = "--project", description = "Only of this project.")
  String project;

  @Option(names = "--package", description = "Only of this package.")
  String packageName;

  @Option(
      names = "--status",
      description = "Only in this status: a code or name, e.g. 4 or failed, 2 or running.")
  String status;

  @Option(
      names = "--since",
      description = "Created since: an age (30m, 24h, 7d) or a time (2024-05-31, ISO).")
  String since;

  @Option(names = "--until", description = "Created before: an age or a time, as --since.")
  String until;

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
    ExecutionFilter filter =
        new ExecutionFilter(
            folder,
            project,
            packageName,
            status == null ? null : OperationStatus.parse(status),
            TimeArgument.parse("--since", since),
            TimeArgument.parse("--until", until),
            limit);
    List<Execution> executions = catalog.executions().list(filter);
    out.table(
        executions,
        column("ID", Execution::executionId),
        column("STATUS", e -> OperationStatus.display(e.status())),
        column("FOLDER", Execution::folderName),
        column("PROJECT", Execution::projectName),
        column("PACKAGE", Execution::packageName),
        column("MODE", e -> e.runInScaleOut() ? "scale out" : "server"),
        column("WORKER", ListExecutionsCommand::worker),
        column("CREATED", Execution::createdTime),
        column("ENDED", Execution::endTime),
        column("CALLER", Execution::callerName));
    return 0;
  }

  /** The worker's name, as `sluice workers list` shows it; its id only if it has none. */
  static String worker(Execution e) {
    if (e.workerName() != null && !e.workerName().isBlank()) {
      return e.workerName();
    }
    return e.workerAgentId() == null ? "" : e.workerAgentId().toString();
  }
}
