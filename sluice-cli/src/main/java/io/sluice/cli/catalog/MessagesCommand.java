package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog messages}: Show the event messages of an execution. */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description = "Show the event messages of an execution.")
public final class MessagesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
