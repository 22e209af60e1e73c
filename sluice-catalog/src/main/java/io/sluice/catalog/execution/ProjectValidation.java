package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.operation.OperationLog;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationTarget;
import io.sluice.catalog.operation.OperationType;
import io.sluice.engine.event.MessageType;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SSIS's validate_project and validate_package: would an execution of these packages start now,
 * with the catalog's parameter values and the environment a reference names? It asks the very code
 * an execution's start asks ({@link ParameterResolution}), on executions created and resolved in a
 * transaction that is then rolled back, so the answer cannot drift from what a start does, and
 * nothing of them remains. The project's own structure was checked when it was deployed. The result
 * is recorded as an operation (300 project, 301 package) with a message per problem.
 */
final class ProjectValidation {

  private final CatalogContext context;

  ProjectValidation(CatalogContext context) {
    this.context = context;
  }

  /** What the trial executions found, for the operation that records it. */
  private record Trial(
      long projectId, String projectName, List<String> packages, List<String> problems) {}

  Validation validate(String folder, String project, String packageOrNull, Long referenceId) {
    Trial trial =
        context
            .database()
            .jdbi()
            .withHandle(
                handle -> {
                  handle.begin();
                  try {
                    return trial(handle, folder, project, packageOrNull, referenceId);
                  } finally {
                    handle.rollback(); // nothing of the trial executions stays
                  }
                });
    List<String> packages = trial.packages();
    List<String> problems = trial.problems();
    OperationType type =
        packageOrNull == null ? OperationType.VALIDATE_PROJECT : OperationType.VALIDATE_PACKAGE;
    long operationId =
        context
            .database()
            .jdbi()
            .inTransaction(
                handle -> {
                  long id =
                      OperationLog.begin(
                          handle,
                          type,
                          OperationTarget.project(trial.projectId(), trial.projectName()),
                          context.caller());
                  for (String problem : problems) {
                    OperationLog.message(handle, id, MessageType.ERROR, problem);
                  }
                  OperationLog.message(
                      handle,
                      id,
                      problems.isEmpty() ? MessageType.INFORMATION : MessageType.ERROR,
                      summary(folder, trial.projectName(), packages, problems.size()));
                  OperationLog.finish(
                      handle,
                      id,
                      problems.isEmpty() ? OperationStatus.SUCCEEDED : OperationStatus.FAILED);
                  return id;
                });
    return new Validation(operationId, List.copyOf(packages), List.copyOf(problems));
  }

  /** Creates and resolves an execution of each package asked for, in the caller's transaction. */
  private Trial trial(
      Handle handle, String folder, String project, String packageOrNull, Long referenceId) {
    List<String> packages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    JdbcExecutions.Target target = null;
    for (String name : packageNames(handle, folder, project, packageOrNull)) {
      CreateExecution request = CreateExecution.of(folder, project, name);
      if (referenceId != null) {
        request = request.withReference(referenceId);
      }
      target = JdbcExecutions.target(handle, request);
      packages.add(target.packageName());
      long id =
          JdbcExecutions.insert(
              handle,
              target,
              JdbcExecutions.environment(handle, target, request),
              request,
              false,
              1,
              context.caller(),
              List.of());
      for (String problem :
          new ParameterResolution(handle, context.cipher())
              .resolve(ExecutionRows.get(handle, id))
              .problems()) {
        problems.add("package " + target.packageName() + ": " + problem);
      }
    }
    // packageNames returns at least one package or throws
    return new Trial(target.projectId(), target.projectName(), packages, problems);
  }

  /** The package asked for, else the entry points of the project's current version. */
  private static List<String> packageNames(
      Handle handle, String folder, String project, String packageOrNull) {
    if (packageOrNull != null) {
      return List.of(packageOrNull);
    }
    List<String> names =
        handle
            .createQuery(
                """
                select k.name from package k
                join project p on p.current_version_id = k.version_id
                join folder f on f.folder_id = p.folder_id
                where f.name = :folder and p.name = :project and k.entry_point
                order by k.name
                """)
            .bind("folder", folder)
            .bind("project", project)
            .mapTo(String.class)
            .list();
    if (names.isEmpty()) {
      // a missing folder, project or version is said in the words an execution's create uses
      JdbcExecutions.projectOf(handle, folder, project);
      throw CatalogException.invalid(
          "project " + folder + "/" + project + " has no entry-point package to validate",
          "validate a package with --package NAME");
    }
    return names;
  }

  private static String summary(String folder, String project, List<String> packages, int found) {
    String what = folder + "/" + project + " (" + String.join(", ", packages) + ")";
    return found == 0
        ? "validated " + what + ": every package would start with the catalog's values"
        : "validated " + what + ": " + found + (found == 1 ? " problem" : " problems");
  }
}
