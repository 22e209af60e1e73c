package io.sluice.cli.catalog;

import io.sluice.cli.catalog.property.ListPropertiesCommand;
import io.sluice.cli.catalog.property.SetPropertyCommand;
import picocli.CommandLine.Command;

/** {@code sluice catalog properties}: Show and set catalog properties. */
@Command(
    name = "properties",
    mixinStandardHelpOptions = true,
    description = "Show and set catalog properties.",
    subcommands = {ListPropertiesCommand.class, SetPropertyCommand.class})
public final class PropertiesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
