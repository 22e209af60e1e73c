package io.sluice.catalog.execution;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Executions#create} needs (SSIS create_execution). Build it with {@link #of} and the
 * {@code with...} methods.
 *
 * @param referenceId the project's environment reference whose variables parameters may use
 * @param runInScaleOut empty: the catalog's DEFAULT_EXECUTION_MODE decides
 * @param useAnyWorker false: only the workers named with {@link Executions#addWorker} may run it
 */
public record CreateExecution(
    String folder,
    String project,
    String packageName,
    OptionalLong referenceId,
    Optional<Boolean> runInScaleOut,
    boolean useAnyWorker) {

  public static CreateExecution of(String folder, String project, String packageName) {
    return new CreateExecution(
        folder, project, packageName, OptionalLong.empty(), Optional.empty(), true);
  }

  public CreateExecution withReference(long referenceId) {
    return new CreateExecution(
        folder, project, packageName, OptionalLong.of(referenceId), runInScaleOut, useAnyWorker);
  }

  public CreateExecution inScaleOut(boolean scaleOut) {
    return new CreateExecution(
        folder, project, packageName, referenceId, Optional.of(scaleOut), useAnyWorker);
  }

  public CreateExecution withAnyWorker(boolean anyWorker) {
    return new CreateExecution(folder, project, packageName, referenceId, runInScaleOut, anyWorker);
  }
}
