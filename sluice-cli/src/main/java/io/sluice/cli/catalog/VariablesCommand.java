package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.EnvironmentVariable;
import io.sluice.catalog.environment.VariableType;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.StdinValue;
import io.sluice.cli.common.UsageException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog variables}: Set, list and delete environment variables. */
@Command(
    name = "variables",
    mixinStandardHelpOptions = true,
    description = "Set, list and delete environment variables.",
    subcommands = {
      VariablesCommand.ListVariables.class,
      VariablesCommand.SetVariable.class,
      VariablesCommand.DeleteVariable.class
    })
public final class VariablesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code --folder F --environment E}: the environment a command works on. */
  public static final class EnvironmentOptions {
    @Option(names = "--folder", required = true, description = "Folder of the environment.")
    String folder;

    @Option(names = "--environment", required = true, description = "Name of the environment.")
    String environment;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the variables of an environment; sensitive values show as ********.")
  public static final class ListVariables extends CatalogCommandBase {
    @Mixin EnvironmentOptions target;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.environments().listVariables(target.folder, target.environment),
          column("VARIABLE", EnvironmentVariable::name),
          column("TYPE", EnvironmentVariable::type),
          column("SENSITIVE", v -> v.sensitive() ? "yes" : ""),
          column("VALUE", EnvironmentVariable::value),
          column("DESCRIPTION", EnvironmentVariable::description));
      return 0;
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Create a variable or replace its type and value. Sensitive values are stored encrypted"
            + " with the catalog key and never shown again.",
        "Example: set --folder F --environment Prod BatchSize 1000 --type Int32"
      })
  public static final class SetVariable extends CatalogCommandBase {
    @Mixin EnvironmentOptions target;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the variable.")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "VALUE",
        description =
            "Value, checked against --type; - reads it from standard input (keeps a secret out of"
                + " the shell history and the process list).")
    String value;

    @Option(
        names = "--type",
        required = true,
        description =
            "Boolean, Byte, DateTime, Double, Int16, Int32, Int64, Single, String, UInt32 or"
                + " UInt64.")
    String type;

    @Option(names = "--sensitive", description = "Store the value encrypted and mask it.")
    boolean sensitive;

    @Option(names = "--description", description = "What the variable is for.")
    String description;

    @Override
    protected int run(Catalog catalog, Output out) {
      VariableType variableType =
          VariableType.fromName(type)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "unknown variable type '" + type + "'",
                          "use one of " + VariableType.names()));
      EnvironmentVariable set =
          catalog
              .environments()
              .setVariable(
                  target.folder,
                  target.environment,
                  name,
                  variableType,
                  StdinValue.resolve(value),
                  sensitive,
                  description);
      out.done(
          "Set variable "
              + Output.name(set.name())
              + " ("
              + set.type()
              + ") of environment "
              + Output.name(target.environment)
              + " to "
              + set.value()
              + ".",
          set);
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a variable of an environment.")
  public static final class DeleteVariable extends CatalogCommandBase {
    @Mixin EnvironmentOptions target;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the variable.")
    String name;

    @Override
    protected int run(Catalog catalog, Output out) {
      catalog.environments().deleteVariable(target.folder, target.environment, name);
      out.done(
          "Deleted variable "
              + Output.name(name)
              + " of environment "
              + Output.name(target.environment)
              + ".",
          Map.of("environment", target.environment, "deleted", name));
      return 0;
    }
  }
}
