package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.StdinValue;
import io.sluice.cli.common.UsageException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog parameters}: list, set, clear. */
@Command(
    name = "parameters",
    mixinStandardHelpOptions = true,
    description = "Show resolved parameter values; set or clear server values.",
    subcommands = {
      ParametersCommand.ListParameters.class,
      ParametersCommand.SetParameter.class,
      ParametersCommand.ClearParameter.class
    })
public final class ParametersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** NAME and --package: which parameter of the project. */
  public static final class ParameterName {
    @Option(
        names = "--package",
        paramLabel = "PACKAGE",
        description = "Package of a package parameter; omit for a project parameter.")
    String packageName;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the parameter.")
    String name;

    ObjectType objectType() {
      return packageName == null ? ObjectType.PROJECT : ObjectType.PACKAGE;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the project and package parameters of a project's current version, with the value"
            + " an execution would use: server value, else design default (not for required"
            + " parameters). Sensitive values show as ********."
      })
  public static final class ListParameters extends CatalogCommandBase {
    @Mixin ProjectOptions target;

    @Override
    protected int run(Catalog catalog, Output out) {
      out.table(
          catalog.parameters().list(target.folder, target.project),
          column("SCOPE", p -> p.objectType() == ObjectType.PROJECT ? "project" : p.objectName()),
          column("NAME", ParameterInfo::name),
          column("TYPE", ParameterInfo::dataType),
          column("REQUIRED", p -> p.required() ? "yes" : ""),
          column("SENSITIVE", p -> p.sensitive() ? "yes" : ""),
          column("DESIGN DEFAULT", ParameterInfo::designDefault),
          column("SERVER VALUE", ParameterInfo::serverValueText),
          column("VALUE USED", ListParameters::valueUsed));
      return 0;
    }

    private static String valueUsed(ParameterInfo p) {
      return switch (p.valueSource()) {
        case SERVER_VALUE, DESIGN_DEFAULT -> p.value();
        case ENVIRONMENT_VARIABLE -> "(from the execution's environment)";
        case MISSING -> p.required() ? "(missing: required)" : "(missing)";
      };
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Set the server value of a parameter: a literal VALUE, or --reference to an environment"
            + " variable the execution's environment provides.",
        "Examples: set --folder F --project P BatchSize 1000",
        "          set --folder F --project P --package Load ConnectionString --reference DbConn"
      })
  public static final class SetParameter extends CatalogCommandBase {
    @Mixin ProjectOptions target;
    @Mixin ParameterName parameter;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "VALUE",
        description =
            "The literal value, checked against the parameter's type; - reads it from standard"
                + " input (keeps a secret out of the shell history and the process list).")
    String value;

    @Option(
        names = "--reference",
        paramLabel = "VARIABLE",
        description = "Take the value from this environment variable at execution instead.")
    String reference;

    @Override
    protected int run(Catalog catalog, Output out) {
      if ((value == null) == (reference == null)) {
        throw new UsageException(
            "give either a VALUE or --reference VARIABLE for parameter " + parameter.name,
            "e.g. set --folder F --project P " + parameter.name + " VALUE");
      }
      ParameterInfo result =
          value != null
              ? catalog
                  .parameters()
                  .setValue(
                      target.folder,
                      target.project,
                      parameter.objectType(),
                      parameter.packageName,
                      parameter.name,
                      StdinValue.resolve(value))
              : catalog
                  .parameters()
                  .setReference(
                      target.folder,
                      target.project,
                      parameter.objectType(),
                      parameter.packageName,
                      parameter.name,
                      reference);
      out.done(
          value != null
              ? "Set " + describe(result) + " to " + result.serverValueText() + "."
              : "Set "
                  + describe(result)
                  + " to take environment variable "
                  + result.referencedVariable()
                  + " of the execution's environment.",
          result);
      return 0;
    }
  }

  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "Remove the server value of a parameter: the design default applies again.")
  public static final class ClearParameter extends CatalogCommandBase {
    @Mixin ProjectOptions target;
    @Mixin ParameterName parameter;

    @Override
    protected int run(Catalog catalog, Output out) {
      ParameterInfo result =
          catalog
              .parameters()
              .clearValue(
                  target.folder,
                  target.project,
                  parameter.objectType(),
                  parameter.packageName,
                  parameter.name);
      out.done("Cleared the server value of " + describe(result) + ".", result);
      return 0;
    }
  }

  private static String describe(ParameterInfo p) {
    return p.objectType().name().toLowerCase(Locale.ROOT)
        + " parameter "
        + Output.name(
            (p.objectType() == ObjectType.PACKAGE ? p.objectName() + "." : "") + p.name());
  }
}
