package io.sluice.cli.project;

import picocli.CommandLine.Command;

/** {@code sluice project pack}: Pack a project folder into a single-file archive. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = "Pack a project folder into a single-file archive.")
public final class PackCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
