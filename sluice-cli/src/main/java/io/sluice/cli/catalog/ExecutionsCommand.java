package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog executions}: Create, start, stop, list and show executions. */
@Command(
    name = "executions",
    mixinStandardHelpOptions = true,
    description = "Create, start, stop, list and show executions.")
public final class ExecutionsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
