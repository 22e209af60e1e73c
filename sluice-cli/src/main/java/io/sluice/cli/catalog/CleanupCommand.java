package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/**
 * {@code sluice catalog cleanup}: Remove operations and messages older than the retention window,
 * and old project versions.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description =
        "Remove operations and messages older than the retention window, and old project versions.")
public final class CleanupCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
