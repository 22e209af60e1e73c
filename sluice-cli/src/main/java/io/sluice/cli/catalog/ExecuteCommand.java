package io.sluice.cli.catalog;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.EnvironmentReference;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.ErrorHandler;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.event.MessageType;
import io.sluice.master.serverexecution.ServerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice catalog execute}: creates, starts and runs an execution of a deployed package in
 * this process (SSIS server mode), storing its events, statistics and status in the catalog.
 */
@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = {
      "Run a deployed package now, in this process (server mode), and store its log in the catalog.",
      "Exit codes: 0 succeeded, 1 failed or canceled, 2 bad arguments."
    })
public final class ExecuteCommand extends CatalogCommandBase {

  @Mixin ProjectOptions project;

  @Option(names = "--package", required = true, description = "The entry-point package to run.")
  String packageName;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A parameter value for this execution; NAME, $Project::NAME or $Package::NAME. Repeatable.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = "--environment",
      description = "Use the project's reference to this environment for parameter values.")
  String environment;

  @Option(
      names = "--logging-level",
      paramLabel = "N",
      description = "0 None, 1 Basic, 2 Performance, 3 Verbose (default: SERVER_LOGGING_LEVEL).")
  Integer loggingLevel;

  @Override
  protected int run(Catalog catalog, Output out) {
    CreateExecution request =
        CreateExecution.of(project.folder, project.project, packageName).inScaleOut(false);
    if (environment != null) {
      request = request.withReference(referenceTo(catalog));
    }
    List<ParameterInfo> known = catalog.parameters().list(project.folder, project.project);
    long id = catalog.executions().create(request);
    for (String assignment : parameters) {
      setParameter(catalog, id, known, assignment);
    }
    if (loggingLevel != null) {
      catalog.executions().setParameterValue(id, 50, "LOGGING_LEVEL", loggingLevel.toString());
    }
    catalog.executions().start(id, 0);
    if (!out.json()) {
      System.out.println(
          "Execution "
              + id
              + ": "
              + project.folder
              + "/"
              + project.project
              + "/"
              + packageName
              + " running in this process...");
    }
    OperationStatus status = new ServerExecutor(catalog, session().context()).run(id);
    Execution done = catalog.executions().get(id);
    report(catalog, out, done);
    return status == OperationStatus.SUCCEEDED ? 0 : ErrorHandler.FAILED;
  }

  private void report(Catalog catalog, Output out, Execution done) {
    if (out.json()) {
      out.printJson(done);
      return;
    }
    List<EventMessage> errors =
        catalog
            .messages()
            .ofExecution(
                done.executionId(),
                MessageQuery.all().ofTypes(Set.of(MessageType.ERROR, MessageType.TASK_FAILED)));
    for (EventMessage error : errors) {
      System.out.println("  error: " + error.messageSourceName() + ": " + error.message());
    }
    Duration took =
        done.startTime() == null || done.endTime() == null
            ? Duration.ZERO
            : Duration.between(done.startTime(), done.endTime());
    System.out.printf(
        "Execution %d %s in %.2f s. Messages: sluice catalog messages %d%n",
        done.executionId(), done.state().display(), took.toMillis() / 1000.0, done.executionId());
  }

  private long referenceTo(Catalog catalog) {
    List<EnvironmentReference> references =
        catalog.environments().listReferences(project.folder, project.project);
    return references.stream()
        .filter(r -> r.environmentName().equals(environment))
        .mapToLong(EnvironmentReference::referenceId)
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "project "
                        + project.project
                        + " has no reference to environment "
                        + environment,
                    "add one with: sluice catalog references add --folder "
                        + project.folder
                        + " --project "
                        + project.project
                        + " --environment "
                        + environment));
  }

  private void setParameter(
      Catalog catalog, long id, List<ParameterInfo> known, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(
          "--param " + assignment + " is not NAME=VALUE", "e.g. --param BatchSize=500");
    }
    String name = assignment.substring(0, eq).trim();
    String value = assignment.substring(eq + 1);
    int objectType;
    if (name.startsWith("$Project::")) {
      objectType = 20;
      name = name.substring("$Project::".length());
    } else if (name.startsWith("$Package::")) {
      objectType = 30;
      name = name.substring("$Package::".length());
    } else {
      String plain = name;
      boolean isProjectParameter =
          known.stream()
              .anyMatch(p -> p.objectType() == ObjectType.PROJECT && p.name().equals(plain));
      objectType = isProjectParameter ? 20 : 30;
    }
    catalog.executions().setParameterValue(id, objectType, name, value);
  }
}
