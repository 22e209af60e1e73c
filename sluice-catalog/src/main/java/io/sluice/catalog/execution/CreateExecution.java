package io.sluice.catalog.execution;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Executions#create} needs (SSIS create_execution). Build it with {@link #of} and the
 * {@code with...} methods.
 *
 * @param referenceId the project's environment reference whose variables parameters may use
 * @param runInScaleOut empty: the catalog's DEFAULT_EXECUTION_MODE decides
 * @param useAnyWorker false: only the workers named with {@link Executions#addWorker} may run it
 * @param requiredWorkerTags Scale Out: only a worker that has every one of these tags may run it
 */
public record CreateExecution(
    String folder,
    String project,
    String packageName,
    OptionalLong referenceId,
    Optional<Boolean> runInScaleOut,
    boolean useAnyWorker,
    List<String> requiredWorkerTags) {

  public CreateExecution {
    requiredWorkerTags = List.copyOf(requiredWorkerTags);
  }

  public static CreateExecution of(String folder, String project, String packageName) {
    return new CreateExecution(
        folder, project, packageName, OptionalLong.empty(), Optional.empty(), true, List.of());
  }

  public CreateExecution withReference(long referenceId) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        OptionalLong.of(referenceId),
        runInScaleOut,
        useAnyWorker,
        requiredWorkerTags);
  }

  public CreateExecution inScaleOut(boolean scaleOut) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        referenceId,
        Optional.of(scaleOut),
        useAnyWorker,
        requiredWorkerTags);
  }

  public CreateExecution withAnyWorker(boolean anyWorker) {
    return new CreateExecution(
        folder, project, packageName, referenceId, runInScaleOut, anyWorker, requiredWorkerTags);
  }

  /** Scale Out: only workers that have all of {@code tags} may run it. */
  public CreateExecution withWorkerTags(List<String> tags) {
    return new CreateExecution(
        folder, project, packageName, referenceId, runInScaleOut, useAnyWorker, tags);
  }
}
