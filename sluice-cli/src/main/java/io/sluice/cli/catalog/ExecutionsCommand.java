package io.sluice.cli.catalog;

import io.sluice.cli.catalog.execution.AddWorkerCommand;
import io.sluice.cli.catalog.execution.CreateExecutionCommand;
import io.sluice.cli.catalog.execution.ListExecutionsCommand;
import io.sluice.cli.catalog.execution.SetParameterCommand;
import io.sluice.cli.catalog.execution.ShowExecutionCommand;
import io.sluice.cli.catalog.execution.StartExecutionCommand;
import io.sluice.cli.catalog.execution.StopExecutionCommand;
import picocli.CommandLine.Command;

/** {@code sluice catalog executions}: Create, start, stop, list and show executions. */
@Command(
    name = "executions",
    mixinStandardHelpOptions = true,
    description = "Create, start, stop, list and show executions.",
    subcommands = {
      CreateExecutionCommand.class,
      SetParameterCommand.class,
      AddWorkerCommand.class,
      StartExecutionCommand.class,
      StopExecutionCommand.class,
      ListExecutionsCommand.class,
      ShowExecutionCommand.class
    })
public final class ExecutionsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
