package io.sluice.cli.catalog;

import io.sluice.cli.catalog.operation.ListOperationsCommand;
import io.sluice.cli.catalog.operation.ShowOperationCommand;
import picocli.CommandLine.Command;

/**
 * {@code sluice catalog operations}: List operations (deploy, restore, execution, stop, cleanup)
 * and their messages.
 */
@Command(
    name = "operations",
    mixinStandardHelpOptions = true,
    description = "List operations (deploy, restore, execution, stop, cleanup) and their messages.",
    subcommands = {ListOperationsCommand.class, ShowOperationCommand.class})
public final class OperationsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
