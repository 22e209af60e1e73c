package io.sluice.cli.catalog;

import picocli.CommandLine.Command;

/** {@code sluice catalog folders}: Create, list and delete folders. */
@Command(
    name = "folders",
    mixinStandardHelpOptions = true,
    description = "Create, list and delete folders.")
public final class FoldersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
