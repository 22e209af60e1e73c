package io.sluice.cli.project;

import io.sluice.cli.common.Output;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice project validate}: checks a project folder or archive and lists its packages and
 * parameters. It checks structure, as {@code deploy} does; task behaviour is checked when a package
 * runs.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a project folder or .spac archive and list its packages and parameters.",
      "A broken project prints every problem as file:line:column and exits with 2."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "DIR|FILE",
      description = "A project folder (with project.yaml) or a .spac archive.")
  Path path;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  /** One package as listed. */
  public record PackageRow(
      String name, boolean entryPoint, int tasks, int parameters, int variables) {}

  /** One parameter as listed; a sensitive default is never shown. */
  public record ParameterRow(
      String scope,
      String name,
      String type,
      boolean required,
      boolean sensitive,
      String defaultValue) {}

  /** The whole answer, as printed with --json. */
  public record Validated(
      String project, List<PackageRow> packages, List<ParameterRow> parameters) {}

  @Override
  public Integer call() {
    Project project = ProjectArchive.load(path);
    List<PackageRow> packages =
        project.packages().stream()
            .map(
                p ->
                    new PackageRow(
                        p.name(),
                        p.entryPoint(),
                        countTasks(p),
                        p.parameters().size(),
                        p.variables().size()))
            .toList();
    List<ParameterRow> parameters = new ArrayList<>();
    project.parameters().forEach(p -> parameters.add(row("project", p)));
    for (PackageDefinition pkg : project.packages()) {
      pkg.parameters().forEach(p -> parameters.add(row(pkg.name(), p)));
    }
    Output out = new Output(System.out, json);
    if (json) {
      out.printJson(new Validated(project.name(), packages, parameters));
      return 0;
    }
    System.out.println(
        "project "
            + project.name()
            + " is valid: "
            + count(packages.size(), "package")
            + ", "
            + count(parameters.size(), "parameter")
            + ", "
            + count(project.connections().size(), "shared connection"));
    System.out.println();
    out.table(
        packages,
        Output.column("PACKAGE", PackageRow::name),
        Output.column("ENTRY POINT", r -> r.entryPoint() ? "yes" : "no"),
        Output.column("TASKS", PackageRow::tasks),
        Output.column("PARAMETERS", PackageRow::parameters),
        Output.column("VARIABLES", PackageRow::variables));
    System.out.println();
    out.table(
        parameters,
        Output.column("SCOPE", ParameterRow::scope),
        Output.column("PARAMETER", ParameterRow::name),
        Output.column("TYPE", ParameterRow::type),
        Output.column("REQUIRED", r -> r.required() ? "yes" : "no"),
        Output.column("SENSITIVE", r -> r.sensitive() ? "yes" : "no"),
        Output.column("DEFAULT", ParameterRow::defaultValue));
    return 0;
  }

  private static ParameterRow row(String scope, ParameterDefinition p) {
    String shown = p.sensitive() && p.defaultValue() != null ? "(hidden)" : p.defaultValue();
    return new ParameterRow(
        scope, p.name(), p.type().ssisName(), p.required(), p.sensitive(), shown);
  }

  /** Every task and container, nested ones and event-handler tasks included. */
  private static int countTasks(PackageDefinition p) {
    int count = 0;
    for (var task : p.tasks()) {
      count += countTasks(task);
    }
    for (var handler : p.eventHandlers().values()) {
      for (var task : handler) {
        count += countTasks(task);
      }
    }
    return count;
  }

  private static int countTasks(io.sluice.engine.project.TaskDefinition task) {
    int count = 1;
    for (var child : task.tasks()) {
      count += countTasks(child);
    }
    for (var handler : task.eventHandlers().values()) {
      for (var child : handler) {
        count += countTasks(child);
      }
    }
    return count;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
