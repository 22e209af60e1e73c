package io.sluice.cli.imports;

import picocli.CommandLine.Command;

/** {@code sluice import}: bring projects of other tools into Sluice's format. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import projects of other tools into Sluice project folders.",
    subcommands = {ImportSsisCommand.class})
public final class ImportCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
